using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// The schedule proposal the chair or secretariat approves (move a date or time, untick to drop, then book)
/// and the summary that replaces it once the meetings are booked.
/// </summary>
public static class MeetingCards
{
    /// <summary>The verb of the "Book these meetings" button.</summary>
    public const string BookVerb = "meetings/book";

    /// <summary>Most meetings one card proposes (a year of monthly meetings).</summary>
    public const int MaxProposed = 12;

    /// <summary>The longest venue kept (the card's input says so too; a hand-made invoke may not).</summary>
    public const int MaxVenueLength = 200;

    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The proposal card; <paramref name="problem"/> (shown first) says what to fix in a rejected submission.</summary>
    public static AdaptiveCard Proposal(string board, IReadOnlyList<ProposedMeeting> meetings, string? venue, string where, string? problem = null, IReadOnlySet<int>? dropped = null)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var card = new AdaptiveCard().Text($"Proposed meetings: {board}", "heading");
        if (problem is not null)
        {
            card.Text(problem, "attention");
        }

        var minutes = meetings.Count == 0 ? 120 : (int)(meetings[0].End - meetings[0].Start).TotalMinutes;
        var reason = meetings.Count == 0 ? string.Empty : meetings[0].Reason;
        card.Text($"Following “{reason}”: {meetings.Count} meeting(s) of {minutes} minutes, UK time, avoiding weekends and bank holidays. "
            + $"Change a date or time, or untick a meeting to drop it, then book. They will go into {where}.");
        for (var i = 0; i < meetings.Count; i++)
        {
            var start = meetings[i].Start;
            card.Toggle($"keep{i}", $"Meeting {i + 1}: {MeetingTimes.LongDate.Format(start.Date)}", dropped?.Contains(i) != true)
                .DateInput($"date{i}", $"Date of meeting {i + 1}", LocalDatePattern.Iso.Format(start.Date), "Choose a date")
                .TimeInput($"time{i}", $"Start time of meeting {i + 1}", HourMinute.Format(start.TimeOfDay), "Choose a start time");
        }

        card.TextInput("venue", "Venue (leave empty for online only; every meeting gets a Teams link)", venue, "e.g. Civic Centre, Committee Room 2", MaxVenueLength);
        return card.Execute("Book these meetings", BookVerb, new JsonObject
        {
            ["board"] = board,
            ["count"] = meetings.Count,
            ["minutes"] = minutes,
            ["reason"] = reason,
        });
    }

    /// <summary>What was booked, with Teams links and deadlines, and a warning where Outlook made no Teams link.</summary>
    public static AdaptiveCard Booked(string board, IReadOnlyList<BookedMeeting> booked, string where, bool asSeries)
    {
        ArgumentNullException.ThrowIfNull(booked);
        var card = new AdaptiveCard()
            .Text($"Booked {booked.Count} meeting(s): {board}", "good")
            .Text($"In {where}{(asSeries ? ", as one recurring series" : string.Empty)}. "
                + (booked.All(m => m.Deadlines.All(d => d.Reminder == DeadlineReminder.Queued))
                    ? "Paper and minutes reminders are queued."
                    : "Paper and minutes reminders are queued where there is still time; each meeting's deadlines say where not."));
        foreach (var meeting in booked)
        {
            card.Facts(Line(meeting));
        }

        var withoutLink = booked.Count(m => m.Meeting.GraphEventId is not null && m.JoinUrl is null);
        if (withoutLink > 0)
        {
            card.Text($"Outlook did not create a Teams link for {withoutLink} meeting(s): the organiser mailbox may not be able to host Teams meetings. "
                + "Please add the link in Outlook, or ask IT to license the mailbox for Teams.", "attention");
        }

        return card;
    }

    /// <summary>One meeting's facts: when, where (the venue typed on the booking card), the Teams link, its deadlines.</summary>
    public static (string Title, string Value)[] Line(BookedMeeting booked)
    {
        ArgumentNullException.ThrowIfNull(booked);
        var start = Instant.FromDateTimeOffset(booked.Meeting.StartsAt).InZone(MeetingTimes.London);
        var end = Instant.FromDateTimeOffset(booked.Meeting.EndsAt).InZone(MeetingTimes.London);
        var facts = new List<(string, string)> { ("When", $"{MeetingTimes.LongDate.Format(start.Date)}, {HourMinute.Format(start.TimeOfDay)}–{HourMinute.Format(end.TimeOfDay)}") };
        if (booked.Meeting.Venue is { } venue)
        {
            facts.Add(("Where", Routing.MarkdownText.EscapeForCard(venue)));
        }

        if (booked.JoinUrl is not null)
        {
            facts.Add(("Teams", $"[Join the meeting]({booked.JoinUrl})"));
        }

        facts.AddRange(booked.Deadlines.Select(d => ($"{d.Kind} due", $"{MeetingTimes.LongDate.Format(d.Date)} ({d.Rule}){ReminderNote(d.Reminder)}")));
        return [.. facts];
    }

    private static string ReminderNote(DeadlineReminder reminder) => reminder switch
    {
        DeadlineReminder.SentNow => "; reminder sent now, as its usual slot (two working days before) had passed",
        DeadlineReminder.TooLate => "; too late for a reminder",
        _ => string.Empty,
    };
}
