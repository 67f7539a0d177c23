using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Protocol.Cards;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;

namespace PartnershipBot.Features.Reminders;

/// <summary>
/// The paper, agenda and minutes deadline card members act on. The same card, drawn for one person, shows what
/// that person has done with it; its actions carry only the reminder's id, never who is acting or which meeting.
/// </summary>
public static class ReminderCards
{
    /// <summary>The verb of the "Paper submitted" / "Minutes sent" button.</summary>
    public const string DoneVerb = "reminders/done";

    /// <summary>The verb of "I need more time".</summary>
    public const string MoreTimeVerb = "reminders/more-time";

    /// <summary>The verb of "Send apologies".</summary>
    public const string ApologiesVerb = "reminders/apologies";

    /// <summary>The verb of "Remind me tomorrow".</summary>
    public const string SnoozeVerb = "reminders/snooze";

    /// <summary>The verb Teams invokes to refresh the card for each person it names.</summary>
    public const string ViewVerb = "reminders/view";

    /// <summary>The papers reminder's "Upload paper" hint.</summary>
    public const string UploadPaperHint = "**Upload paper**: " + Agenda.Papers.PaperRoutes.HowToSend + " Each new file is kept as the next version.";

    private static readonly LocalDatePattern DayAndMonth = LocalDatePattern.Create("dddd d MMMM", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>
    /// The reminder for <paramref name="payload"/>, showing <paramref name="responses"/> (one viewer's) and
    /// <paramref name="note"/>; refreshed per person for <paramref name="refreshFor"/> (Teams ids) when any are given.
    /// </summary>
    public static AdaptiveCard Reminder(
        ReminderPayload payload, string reminderId, IReadOnlyList<ReminderResponse>? responses = null, IReadOnlyList<string>? refreshFor = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        responses ??= [];
        var card = new AdaptiveCard()
            .Text(Title(payload.Kind), "heading")
            .Facts(("Board", payload.BoardName), ("Deadline", Long(payload.Deadline)), ("Meeting", Long(payload.MeetingDate)), ("ToR rule", payload.Rule))
            .Text("Deadlines count UK working days (weekends and bank holidays excluded).");
        foreach (var response in responses.GroupBy(r => r.Action).Select(g => g.MaxBy(r => r.At)!).OrderBy(r => r.At))
        {
            card.Text(Describe(payload, response), response.Action == ReminderAction.Done ? "good" : null);
        }

        if (note is not null)
        {
            card.Text(note, "attention");
        }

        var taken = responses.Select(r => r.Action).ToHashSet();
        // A card can't carry a file picker (Teams offers none to bots' cards), so the card says how to send the file.
        if (payload.Kind == DeadlineKind.Papers && !taken.Contains(ReminderAction.Done))
        {
            card.Text(UploadPaperHint);
        }

        var data = new JsonObject { ["reminderId"] = reminderId };
        // Snoozing can be repeated, but once the paper is in (or the minutes sent) there is nothing left to remind about.
        var done = taken.Contains(ReminderAction.Done);
        foreach (var (action, title, verb) in Actions(payload.Kind).Where(a => a.Action == ReminderAction.Snoozed ? !done : !taken.Contains(a.Action)))
        {
            card.Execute(title, verb, data, sendsInputs: false);
        }

        if (refreshFor is { Count: > 0 })
        {
            card.Refresh(ViewVerb, data, refreshFor);
        }

        return card;
    }

    /// <summary>The answer to an action on a reminder that no longer exists.</summary>
    public static AdaptiveCard Unavailable() => new AdaptiveCard()
        .Text("This reminder is no longer available", "attention")
        .Text("Its meeting may have moved or been cancelled. Say \"what's due?\" for the current deadlines.");

    /// <summary>"Papers due", "Agenda due" or "Minutes due".</summary>
    public static string Title(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Minutes => "Minutes due",
        DeadlineKind.Agenda => "Agenda due",
        _ => "Papers due",
    };

    /// <summary>"Paper submitted", "Agenda sent" or "Minutes sent".</summary>
    public static string DoneTitle(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Minutes => "Minutes sent",
        DeadlineKind.Agenda => "Agenda sent",
        _ => "Paper submitted",
    };

    /// <summary>A time as people in the UK read it, e.g. "10:02 on Tuesday 1 December".</summary>
    public static string UkTime(DateTimeOffset at)
    {
        var local = Instant.FromDateTimeOffset(at).InZone(MeetingTimes.London);
        return $"{Clock.Format(local.TimeOfDay)} on {DayAndMonth.Format(local.Date)}";
    }

    /// <summary>
    /// The buttons a kind of reminder offers. Minutes fall due after the meeting, so apologies and asking the
    /// secretariat for time (which is about papers for a meeting still to come) are not offered on them.
    /// </summary>
    private static IEnumerable<(ReminderAction Action, string Title, string Verb)> Actions(DeadlineKind kind)
    {
        yield return (ReminderAction.Done, DoneTitle(kind), DoneVerb);
        if (kind != DeadlineKind.Minutes)
        {
            yield return (ReminderAction.MoreTime, "I need more time", MoreTimeVerb);
            yield return (ReminderAction.Apologies, "Send apologies", ApologiesVerb);
        }

        yield return (ReminderAction.Snoozed, "Remind me tomorrow", SnoozeVerb);
    }

    private static string Describe(ReminderPayload payload, ReminderResponse response)
    {
        var who = response.PersonName is { } name ? MarkdownText.EscapeForCard(name) : "you";
        return response.Action switch
        {
            ReminderAction.Done => $"{DoneTitle(payload.Kind)} by {who} at {UkTime(response.At)} (UK time).",
            // Detail says where the notice went; responses stored before it was kept went to the secretariat.
            ReminderAction.MoreTime => $"{who} asked for more time at {UkTime(response.At)}; {MarkdownText.EscapeForCard(response.Detail ?? "the secretariat has been told")}.",
            ReminderAction.Apologies => $"Apologies from {who} for the meeting on {Long(payload.MeetingDate)} recorded at {UkTime(response.At)}.",
            _ => $"I'll remind {who} again at 09:00 on {Long(response.Detail ?? string.Empty)}.",
        };
    }

    private static string Long(string isoDate) => LocalDatePattern.Iso.Parse(isoDate) is { Success: true } parsed ? MeetingTimes.LongDate.Format(parsed.Value) : isoDate;
}
