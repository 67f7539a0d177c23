using System.Globalization;
using System.Text.Json.Nodes;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Interests;

/// <summary>
/// The standing declaration card: the member's latest version (if any) filled in for editing, one text box a section,
/// the "no interests" tick and Save. Its data names only the board and whose declaration it is; the actor is checked
/// on every press. The press key names the version it edits, so a double press stores one version while an edit from
/// the redrawn card is the next.
/// </summary>
public static class StandingInterestCards
{
    /// <summary>The verb Save carries.</summary>
    public const string SaveVerb = "interests/save";

    /// <summary>Card data: the board.</summary>
    public const string BoardKey = "board";

    /// <summary>Card data: whose declaration (Entra object id).</summary>
    public const string PersonKey = "person";

    /// <summary>What the card asks.</summary>
    public const string Ask = "Your standing declaration is kept on the board's register and shown to the chair when an item names an organisation you list. One organisation a line; add what the link is after a colon, e.g. “Thurrock CVS: trustee”.";

    /// <summary>
    /// The form. <paramref name="forName"/> is set when the secretariat records it for someone; <paramref name="problem"/>
    /// and <paramref name="echo"/> put back a rejected answer; <paramref name="saved"/> acknowledges a version just stored;
    /// <paramref name="prompt"/> is a reminder's request.
    /// </summary>
    public static AdaptiveCard Form(
        string boardName, string personId, string? forName, StandingRecord? latest, string? problem = null, StandingInterestForm? echo = null, StandingRecord? saved = null, string? prompt = null)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        ArgumentNullException.ThrowIfNull(personId);
        var title = saved is not null ? "Standing declaration saved" : forName is null ? "Your standing declaration of interests" : $"Standing declaration for {MarkdownText.EscapeForCard(forName)}";
        var card = new AdaptiveCard().Text(title, saved is null ? "heading" : "good");
        var facts = new List<(string, string)> { ("Board", boardName) };
        if (latest is not null)
        {
            facts.Add(("On the register", Describe(latest)));
        }

        card.Facts([.. facts]);
        if (problem is not null)
        {
            card.Text(problem, "attention");
        }

        if (prompt is not null)
        {
            card.Text(prompt, "heading");
        }

        if (saved is not null)
        {
            card.Text(saved.Declaration.RecordedBy == saved.Declaration.PersonId
                ? "Thank you: it is on the register. Update it here whenever something changes."
                : "Recorded for them by the secretariat (this is in the audit log). They can update it themselves by saying “my interests”.");
        }
        else
        {
            card.Text(latest is null ? Ask : "Check it is still right and save any changes. " + Ask);
        }

        var current = latest?.Declaration;
        card.Toggle(StandingInterestForm.NoneInput, "I have no interests to declare", echo?.NothingToDeclare ?? current?.NothingToDeclare ?? false);
        foreach (var section in InterestSections.All)
        {
            var value = echo is not null ? echo.Texts[section] : current is null ? null : StandingInterestForm.TextOf(current.Interests, section);
            card.TextInput(InterestSections.Code(section), InterestSections.Title(section), value is { Length: > 0 } ? value : null, Placeholder(section), StandingInterestForm.MaximumSectionText);
        }

        var data = new JsonObject
        {
            [BoardKey] = boardName,
            [PersonKey] = personId,
            [CardAction.PressKey] = string.Create(CultureInfo.InvariantCulture, $"interests/{boardName}/{personId}/after/{latest?.Version ?? 0}"),
        };
        return card.Execute(latest is null ? "Save declaration" : "Save changes", SaveVerb, data);
    }

    /// <summary>"version 3, saved 1 March 2027 09:00 (UK time), entry #12".</summary>
    public static string Describe(StandingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Create(CultureInfo.InvariantCulture,
            $"version {record.Version}, saved {Reminders.ReminderCards.UkTime(record.Declaration.DeclaredAt)} (UK time), entry #{record.Sequence}");
    }

    private static string Placeholder(InterestSection section) => section switch
    {
        InterestSection.Employment => "e.g. Thurrock Council: housing officer",
        InterestSection.Directorships => "e.g. Grays Community Trust Ltd: director",
        InterestSection.OtherBodies => "e.g. Essex Police and Crime Panel: co-opted member",
        InterestSection.Grants => "e.g. Safer Communities Fund: my charity's 2026 grant",
        _ => "Anything else you want on the record",
    };
}
