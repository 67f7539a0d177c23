using System.Text.Json.Nodes;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Agenda.Papers;

/// <summary>The chair's card for a late paper: Accept or Refuse, or the decision once made.</summary>
public static class LatePaperCards
{
    /// <summary>The verb of "Accept the late paper".</summary>
    public const string AcceptVerb = "late-paper/accept";

    /// <summary>The verb of "Refuse it".</summary>
    public const string RefuseVerb = "late-paper/refuse";

    /// <summary>The card asking, or (with <paramref name="decision"/>) saying what was decided; <paramref name="note"/> under it.</summary>
    public static AdaptiveCard Ask(LatePaperRequest request, LatePaperDecision? decision = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var card = new AdaptiveCard()
            .Text($"Late paper: {MarkdownText.EscapeForCard(request.BoardName)}", "heading")
            .Text($"The paper for “{MarkdownText.EscapeForCard(request.Title)}” came in after the papers deadline.")
            .Facts(("Item", request.Title), ("From", request.OwnerName ?? "(no owner recorded)"), ("File", request.FileName),
                ("Papers were due", Long(request.PackDue)), ("Meeting", Long(request.MeetingDate)))
            .Text($"The Terms of Reference say: “{MarkdownText.EscapeForCard(request.Clause)}”", "attention");
        if (decision is not null)
        {
            var by = decision.DeciderName is { } name ? MarkdownText.EscapeForCard(name) : "the chair";
            card.Text($"{(decision.Accepted ? "Accepted" : "Refused")} by {by} at {ReminderCards.UkTime(decision.DecidedAt)} (UK time). The agenda shows it.", decision.Accepted ? "good" : "attention");
        }
        else
        {
            var data = new JsonObject { ["itemId"] = request.ItemId, ["meetingId"] = request.MeetingId };
            card.Text("Only the chair or vice-chair can decide; a refused paper is kept, and shown as refused on the agenda.")
                .Execute("Accept the late paper", AcceptVerb, data, sendsInputs: false)
                .Execute("Refuse it", RefuseVerb, data, sendsInputs: false);
        }

        if (note is not null)
        {
            card.Text(note, "attention");
        }

        return card;
    }

    /// <summary>The answer to a press on a card whose item is gone.</summary>
    public static AdaptiveCard Unavailable() => new AdaptiveCard()
        .Text("This late paper is no longer on a coming agenda", "attention")
        .Text("The item may have been withdrawn or its meeting cancelled. Nothing was changed.");

    private static string Long(string isoDate) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse(isoDate) is { Success: true } parsed ? MeetingTimes.LongDate.Format(parsed.Value) : isoDate;
}
