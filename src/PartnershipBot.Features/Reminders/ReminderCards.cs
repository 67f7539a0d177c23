using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime.Text;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Reminders;

/// <summary>The reminder card members act on, and its acknowledgement.</summary>
public static class ReminderCards
{
    /// <summary>The verb of the "Paper submitted" / "Minutes sent" button.</summary>
    public const string DoneVerb = "reminders/done";

    private static readonly LocalDatePattern LongDate = LocalDatePattern.Create("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The reminder for <paramref name="payload"/>.</summary>
    public static AdaptiveCard Reminder(ReminderPayload payload, string reminderId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var (title, button) = payload.Kind switch
        {
            "minutes" => ("Minutes due", "Minutes sent"),
            "agenda" => ("Agenda due", "Agenda sent"),
            _ => ("Papers due", "Paper submitted"),
        };
        return new AdaptiveCard()
            .Text(title, "heading")
            .Facts(("Board", payload.BoardName), ("Deadline", Long(payload.Deadline)), ("Meeting", Long(payload.MeetingDate)), ("ToR rule", payload.Rule))
            .Text("Deadlines count UK working days (weekends and bank holidays excluded).")
            .Execute(button, DoneVerb, new JsonObject { ["reminderId"] = reminderId, ["kind"] = payload.Kind, ["board"] = payload.BoardName });
    }

    /// <summary>The card after someone pressed the button.</summary>
    public static AdaptiveCard Done(string kind, string board, string? who, DateTimeOffset at) => new AdaptiveCard()
        .Text(kind == "minutes" ? "Minutes sent" : kind == "agenda" ? "Agenda sent" : "Paper submitted", "good")
        .Facts(("Board", board), ("Confirmed by", who ?? "a member"), ("At", at.ToString("HH:mm 'UTC', d MMM yyyy", CultureInfo.InvariantCulture)));

    private static string Long(string isoDate) => LocalDatePattern.Iso.Parse(isoDate) is { Success: true } parsed ? LongDate.Format(parsed.Value) : isoDate;
}
