using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Meetings;

/// <summary>A meeting's deadline from the ToR, e.g. papers due Thursday 3 December under "3 working days before".</summary>
/// <param name="Kind">Papers or minutes.</param>
/// <param name="Date">The last permitted day.</param>
/// <param name="Rule">The ToR's rule as a typed duration.</param>
public sealed record MeetingDeadline(DeadlineKind Kind, LocalDate Date, string Rule)
{
    /// <summary>What became of the deadline's reminder when the meeting was booked.</summary>
    public DeadlineReminder Reminder { get; init; } = DeadlineReminder.Queued;
}

/// <summary>A deadline's reminder: queued for its usual slot, sent at once because that slot had passed, or too late to send.</summary>
public enum DeadlineReminder
{
    /// <summary>Queued for two working days before the deadline.</summary>
    Queued,
    /// <summary>Its slot had passed but the deadline had not: queued to go now, marked late.</summary>
    SentNow,
    /// <summary>The deadline itself had passed: no reminder.</summary>
    TooLate,
}

/// <summary>
/// The paper and minutes deadlines of a meeting and their queued reminders. A reminder's idempotency key
/// holds the meeting and the deadline date, so a moved meeting gets fresh reminders after the old ones are
/// withdrawn, and queuing the same meeting twice changes nothing.
/// </summary>
public sealed class MeetingReminders(IReminderOutbox outbox)
{

    /// <summary>The ToR's paper and minutes deadlines for a meeting on <paramref name="meetingDate"/>.</summary>
    public static IReadOnlyList<MeetingDeadline> DeadlinesFor(TermsOfReferenceModel model, LocalDate meetingDate, UkWorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(calendar);
        var deadlines = new List<MeetingDeadline>();
        foreach (var (kind, period) in new[] { (DeadlineKind.Papers, model.PapersDeadline), (DeadlineKind.Minutes, model.MinutesDeadline) })
        {
            if (period is not null)
            {
                deadlines.Add(new MeetingDeadline(kind, new DeadlineRule(kind, period).DeadlineFor(meetingDate, calendar), period.Describe()));
            }
        }

        return deadlines;
    }

    /// <summary>Queues the meeting's reminders still in the future; returns its deadlines.</summary>
    public async Task<IReadOnlyList<MeetingDeadline>> QueueAsync(TermsOfReferenceModel model, MeetingRecord meeting, UkWorkingDays calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(calendar);
        var meetingDate = Instant.FromDateTimeOffset(meeting.StartsAt).InZone(MeetingTimes.London).Date;
        var deadlines = DeadlinesFor(model, meetingDate, calendar).ToList();
        var today = Instant.FromDateTimeOffset(now).InZone(MeetingTimes.London).Date;
        for (var i = 0; i < deadlines.Count && meeting.ConversationId is not null; i++)
        {
            var deadline = deadlines[i];
            // Remind two working days before the deadline, at 09:00 in London, so there is time to act. A meeting booked
            // after that slot still gets its reminder, at once, while the deadline is ahead (the card says so);
            // once the deadline itself has passed, the card says no reminder can be sent rather than promise one.
            var due = (calendar.AddWorkingDays(deadline.Date, -2) + new LocalTime(9, 0)).InZoneLeniently(MeetingTimes.London).ToDateTimeOffset();
            if (due <= now)
            {
                var tooLate = deadline.Date < today;
                deadlines[i] = deadline with { Reminder = tooLate ? DeadlineReminder.TooLate : DeadlineReminder.SentNow };
                if (tooLate)
                {
                    continue;
                }

                due = now;
            }

            var kind = PayloadKinds.Text(deadline.Kind);
            var payload = JsonSerializer.Serialize(new ReminderPayload(meeting.MeetingId, meeting.BoardName, deadline.Kind,
                LocalDatePattern.Iso.Format(deadline.Date), LocalDatePattern.Iso.Format(meetingDate), deadline.Rule), ReminderJsonContext.Default.ReminderPayload);
            var key = $"{KeyPrefix(meeting)}{kind}/{LocalDatePattern.Iso.Format(deadline.Date)}";
            await outbox.EnqueueAsync(new ReminderRecord(Guid.NewGuid().ToString("N"), key, meeting.BoardName, meeting.ConversationId!, kind, due, payload), cancellationToken);
        }

        return deadlines;
    }

    /// <summary>
    /// Queues the papers reminder of <paramref name="meeting"/> to <paramref name="conversationId"/>, due now (the chair
    /// or secretariat asked for it). Once per meeting and London day: asking twice the same day queues nothing more.
    /// Returns false when it was already queued today, null when the ToR set no papers deadline.
    /// </summary>
    public async Task<bool?> QueuePapersNowAsync(TermsOfReferenceModel model, MeetingRecord meeting, string conversationId, UkWorkingDays calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var meetingDate = Instant.FromDateTimeOffset(meeting.StartsAt).InZone(MeetingTimes.London).Date;
        if (DeadlinesFor(model, meetingDate, calendar).FirstOrDefault(d => d.Kind == DeadlineKind.Papers) is not { } papers)
        {
            return null;
        }

        var payload = JsonSerializer.Serialize(new ReminderPayload(meeting.MeetingId, meeting.BoardName, DeadlineKind.Papers,
            LocalDatePattern.Iso.Format(papers.Date), LocalDatePattern.Iso.Format(meetingDate), papers.Rule), ReminderJsonContext.Default.ReminderPayload);
        var today = LocalDatePattern.Iso.Format(Instant.FromDateTimeOffset(now).InZone(MeetingTimes.London).Date);
        // Under the meeting's key prefix, so moving or cancelling the meeting withdraws it like the scheduled ones.
        var key = $"{KeyPrefix(meeting)}papers-now/{today}";
        return await outbox.EnqueueAsync(new ReminderRecord(Guid.NewGuid().ToString("N"), key, meeting.BoardName, conversationId, "papers", now, payload), cancellationToken);
    }

    /// <summary>Withdraws the meeting's reminders not yet sent (it moved or was cancelled).</summary>
    public Task<int> WithdrawAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return outbox.WithdrawPendingAsync(KeyPrefix(meeting), cancellationToken);
    }

    private static string KeyPrefix(MeetingRecord meeting) => $"{meeting.MeetingId}/";
}
