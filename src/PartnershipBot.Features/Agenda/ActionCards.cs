using System.Globalization;
using System.Text.Json.Nodes;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Agenda;

/// <summary>
/// The owner's reminder of an action: what it is and when it is due, with "Mark done" and "Give an update". The
/// buttons carry only the board and the action's number; who pressed is read from the authenticated activity.
/// </summary>
public static class ActionCards
{
    /// <summary>The verb of "Mark done".</summary>
    public const string DoneVerb = "actions/done";

    /// <summary>The verb of "Give an update".</summary>
    public const string UpdateVerb = "actions/update";

    /// <summary>The update's text input.</summary>
    public const string UpdateInput = "update";

    /// <summary>The reminder, or where it stands once done (<paramref name="note"/> says what the press did).</summary>
    public static AdaptiveCard Reminder(ActionItem action, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var card = new AdaptiveCard()
            .Text(string.Create(CultureInfo.InvariantCulture, $"Action {action.Number}: {MarkdownText.EscapeForCard(action.BoardName)}"), "heading")
            .Text(MarkdownText.EscapeForCard(action.Text))
            .Facts(
                ("Owner", MarkdownText.EscapeForCard(action.OwnerName)),
                ("Due", action.Due is { } due ? MeetingTimes.LongDate.Format(due) : "No date"),
                ("Status", action.Done ? "Done" : "Open"),
                ("Latest update", action.LastUpdate is { } update ? MarkdownText.EscapeForCard(update) : "None"));
        if (note is not null)
        {
            card.Text(note, "attention");
        }

        if (action.Done)
        {
            return card;
        }

        var data = new JsonObject { ["board"] = action.BoardName, ["number"] = action.Number.ToString(CultureInfo.InvariantCulture) };
        return card
            .TextInput(UpdateInput, "Where it stands (for \"Give an update\")", null, "e.g. draft shared with the police", 500)
            .Execute("Mark done", DoneVerb, data, sendsInputs: false)
            .Execute("Give an update", UpdateVerb, data);
    }

    /// <summary>The answer when the action is no longer in the log.</summary>
    public static AdaptiveCard Unavailable() => new AdaptiveCard()
        .Text("This action is no longer on record", "attention")
        .Text("Say \"open actions\" in the board's conversation to see the current ones.");
}
