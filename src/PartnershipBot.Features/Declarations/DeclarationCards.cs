using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using PartnershipBot.Protocol.Cards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// The declaration cards. Every card carries only the item id; the shared card refreshes into a per-user view
/// for up to 60 members (their own answer, which they can amend), and the chair's view lists who is where.
/// </summary>
public static class DeclarationCards
{
    /// <summary>The verb a declaration submission carries.</summary>
    public const string SubmitVerb = "declarations/submit";

    /// <summary>The refresh verb: the invoking user's own view of the card.</summary>
    public const string ViewVerb = "declarations/view";

    /// <summary>The chair's view of an item.</summary>
    public const string ChairVerb = "declarations/chair";

    /// <summary>Re-sends the card to members who have not declared.</summary>
    public const string ChaseVerb = "declarations/chase";


    // The card must not invent the board's rule: a board whose ToR has no conflicts clause may let a member with an
    // interest stay, speak or vote. So the card says only that the chair decides; the ToR's own clause is one
    // "declarations" message away (DeclarationRoutes quotes it).

    /// <summary>What the card asks before a member has declared.</summary>
    public const string AskToDeclare = "Before this decision, please say whether you have an interest in it. If you do, the chair decides, under the board's Terms of Reference, how you take part.";

    /// <summary>What a member who declared an interest is told.</summary>
    public const string InterestDeclared = "The chair will say, under the board's Terms of Reference, whether you stay for this item and take part in the decision. If that changes, amend your declaration below.";

    /// <summary>The card everyone in a conversation sees; Teams swaps it for each member's own view on display.</summary>
    public static AdaptiveCard Shared(DeclarationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var card = Heading("Declaration of interests", status)
            .Text(Counts(status))
            .Text(AskToDeclare);
        return Form(card, status, interest: null, nature: null, amending: false, offerChairView: true);
    }

    /// <summary>
    /// One member's view: their latest answer (with the form to amend it), or the empty form; <paramref name="problem"/>
    /// says what to fix in a rejected answer, and <paramref name="stored"/> acknowledges an answer just recorded.
    /// </summary>
    public static AdaptiveCard Personal(DeclarationStatus status, string personId, bool mayChair, string? problem = null, string? interest = null, string? nature = null, DeclarationRecord? stored = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var mine = status.LatestOf(personId);
        var card = Heading(stored is null ? "Declaration of interests" : "Declaration recorded", status, stored is null ? "heading" : "good");
        if (problem is not null)
        {
            card.Text(problem, "attention");
        }

        if (mine is not null)
        {
            card.Facts(("Your declaration", Describe(mine.Entry)), ("Register entry", Entry(mine)));
            card.Text(mine.Entry.Interest == InterestKind.None
                ? "You have declared no interest in this decision. If that changes, amend your declaration below."
                : InterestDeclared);
        }
        else
        {
            card.Text(AskToDeclare);
        }

        card.Text(Counts(status));
        var current = mine?.Entry;
        return Form(card, status, interest ?? (current is null ? null : DeclarationChain.Code(current.Interest)), nature ?? current?.Nature, amending: mine is not null, offerChairView: mayChair, amends: mine?.Sequence ?? 0);
    }

    /// <summary>What someone who is not a member sees: the counts only.</summary>
    public static AdaptiveCard ReadOnly(DeclarationStatus status, string why)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Refreshing(Heading("Declaration of interests", status).Text(Counts(status)).Text(why), status);
    }

    /// <summary>
    /// The chair's view: who declared what, who is outstanding (with a "Chase" button), who must withdraw, and
    /// the quorum after recusals with its arithmetic, or <paramref name="quorumProblem"/> when it can't be worked out.
    /// </summary>
    /// <remarks><paramref name="drawing"/> names this drawing of the card, so a double press of its "Chase" is one chase while a chase from a newer card is another.</remarks>
    /// <remarks><paramref name="standing"/> lists members whose standing declarations name an organisation the item names.</remarks>
    public static AdaptiveCard Chair(
        DeclarationStatus status, QuorumCheck? quorum, string? quorumProblem, string? note = null, string drawing = "", IReadOnlyList<Interests.RelevantInterest>? standing = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var card = Heading("Declarations: chair's view", status);
        if (note is not null)
        {
            card.Text(note, "good");
        }

        if (quorum is not null)
        {
            card.Text(quorum.Quorate ? $"Quorum: {quorum.Arithmetic}" : $"Warning: {quorum.Arithmetic} The decision should not be taken.", quorum.Quorate ? "good" : "attention");
            card.Text($"The ToR rule: “{quorum.Rule}”");
        }
        else if (quorumProblem is not null)
        {
            card.Text(quorumProblem, "attention");
        }

        card.Text(Counts(status));
        var withdrawing = status.Withdrawing.Select(m => (MarkdownText.EscapeForCard(status.NameOf(m)), Describe(status.LatestOf(m.PersonId)!.Entry))).ToArray();
        card.Text(withdrawing.Length == 0 ? "Must withdraw: nobody." : "Must withdraw:", withdrawing.Length == 0 ? null : "heading");
        if (withdrawing.Length > 0)
        {
            card.Facts(withdrawing);
        }

        card.Text($"Declared no interest: {Names(status, status.NoInterest)}");
        card.Text($"Outstanding: {Names(status, status.Outstanding)}");
        if (standing is { Count: > 0 })
        {
            card.Text(StandingHeading, "heading");
            card.Text(StandingLines(standing));
        }

        var data = ItemData(status.Item);
        if (status.Outstanding.Count > 0)
        {
            var chase = ItemData(status.Item);
            chase[Routing.CardAction.PressKey] = $"{status.Item.ItemId}/chase/{drawing}";
            card.Execute($"Chase {status.Outstanding.Count} outstanding", ChaseVerb, chase, sendsInputs: false);
        }

        return card.Execute("Refresh", ChairVerb, data, sendsInputs: false);
    }

    /// <summary>The heading of the chair's list of standing interests that name an organisation the item names.</summary>
    public const string StandingHeading = "Standing interests that may be relevant";

    /// <summary>One line each, escaped for the card, at most <see cref="Interests.RelevantInterests.MostShown"/> and a count of the rest.</summary>
    public static string StandingLines(IReadOnlyList<Interests.RelevantInterest> standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var shown = standing.Take(Interests.RelevantInterests.MostShown).Select(s => "- " + MarkdownText.EscapeForCard(s.ToString()));
        var more = standing.Count > Interests.RelevantInterests.MostShown ? $"\n- and {standing.Count - Interests.RelevantInterests.MostShown} more (see `interests export`)" : string.Empty;
        return string.Join("\n", shown) + more;
    }

    private static AdaptiveCard Heading(string title, DeclarationStatus status, string style = "heading")
    {
        var item = status.Item;
        var facts = new List<(string, string)> { ("Board", item.BoardName), ("Financial decision", MarkdownText.EscapeForCard(item.Title)) };
        if (item.MeetingStartsAt is { } starts)
        {
            facts.Add(("Meeting", Instant.FromDateTimeOffset(starts).InZone(MeetingTimes.London).Date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)));
        }

        return new AdaptiveCard().Text(title, style).Facts([.. facts]);
    }

    /// <summary>
    /// The answer form. Its submit names the entry it amends (0 for a first answer) as the press, so pressing it twice
    /// stores one entry while an amendment from the redrawn card is a new one.
    /// </summary>
    private static AdaptiveCard Form(AdaptiveCard card, DeclarationStatus status, string? interest, string? nature, bool amending, bool offerChairView, long amends = 0)
    {
        var submit = ItemData(status.Item);
        submit[Routing.CardAction.PressKey] = string.Create(CultureInfo.InvariantCulture, $"{status.Item.ItemId}/amends/{amends}");
        card.Choice("interest", "Do you have an interest in this item?", interest, "Choose one of the options.",
                ("No interest to declare", "none"),
                ("Yes: a financial (pecuniary) interest", "pecuniary"),
                ("Yes: another personal interest", "non-pecuniary"))
            .TextInput("nature", "If yes, what is the interest?", nature, "e.g. my organisation has applied for this fund", DeclarationAnswer.MaximumNature)
            .Execute(amending ? "Amend declaration" : "Submit declaration", SubmitVerb, submit);
        if (offerChairView)
        {
            card.Execute("Chair's view", ChairVerb, ItemData(status.Item), sendsInputs: false);
        }

        return Refreshing(card, status);
    }

    private static AdaptiveCard Refreshing(AdaptiveCard card, DeclarationStatus status) =>
        card.Refresh(ViewVerb, ItemData(status.Item), status.Members.Select(m => m.TeamsId).OfType<string>());

    private static JsonObject ItemData(DeclarationItem item) => new() { ["itemId"] = item.ItemId };

    private static string Counts(DeclarationStatus status) =>
        $"{status.NoInterest.Count} declared no interest · {status.Withdrawing.Count} declared an interest · {status.Outstanding.Count} outstanding";

    private static string Names(DeclarationStatus status, IReadOnlyList<Boards.PersonRecord> people) =>
        people.Count == 0 ? "nobody" : string.Join(", ", people.Select(p => MarkdownText.EscapeForCard(status.NameOf(p))));

    private static string Describe(DeclarationEntry entry) => entry.Interest switch
    {
        InterestKind.Pecuniary => $"a financial interest: {MarkdownText.EscapeForCard(entry.Nature)}",
        InterestKind.NonPecuniary => $"a personal interest: {MarkdownText.EscapeForCard(entry.Nature)}",
        _ => "no interest",
    };

    // UK time, as every other time the bot shows (the register itself keeps UTC, and the export gives both).
    private static string Entry(DeclarationRecord record) =>
        $"#{record.Sequence.ToString(CultureInfo.InvariantCulture)} at {Reminders.ReminderCards.UkTime(record.Entry.DeclaredAt)} (UK time)";
}
