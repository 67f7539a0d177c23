using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Meetings;

/// <summary>A meeting booked after its papers-reminder slot still gets the reminder at once, or is told plainly it can't.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class LateBookingRemindersTests
{
    private static readonly TermsOfReferenceModel Model = TermsOfReferenceModel.Build("board.txt", """
        Westbrook Community Safety Partnership
        Terms of Reference

        1. Meetings
        1.1 Papers will be circulated five working days before the meeting.
        """);

    private static readonly UkWorkingDays Calendar = UkWorkingDays.For(UkNation.EnglandAndWales);

    [Fact]
    public async Task A_papers_reminder_whose_slot_has_passed_goes_now_while_the_deadline_is_ahead()
    {
        var outbox = new RecordingOutbox();
        // Meeting Thursday 10 December 2026: papers due Thursday 3 December, reminder slot Tuesday 1 December 09:00.
        var now = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        var meeting = MeetingOnThursday10December("m1");

        var deadlines = await new MeetingReminders(outbox).QueueAsync(Model, meeting, Calendar, now, CancellationToken.None);

        var papers = Assert.Single(deadlines, d => d.Kind == Deadlines.DeadlineKind.Papers);
        Assert.Equal(DeadlineReminder.SentNow, papers.Reminder);
        var queued = Assert.Single(outbox.Queued, r => r.Kind == "papers");
        Assert.Equal(now, queued.DueAt);
    }

    [Fact]
    public async Task A_papers_deadline_already_past_queues_nothing_and_says_so()
    {
        var outbox = new RecordingOutbox();
        var now = new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);
        var meeting = MeetingOnThursday10December("m2");

        var deadlines = await new MeetingReminders(outbox).QueueAsync(Model, meeting, Calendar, now, CancellationToken.None);

        Assert.Equal(DeadlineReminder.TooLate, Assert.Single(deadlines, d => d.Kind == Deadlines.DeadlineKind.Papers).Reminder);
        Assert.DoesNotContain(outbox.Queued, r => r.Kind == "papers");
        var line = MeetingCards.Line(new BookedMeeting(meeting, null, deadlines));
        Assert.Contains(line, f => f.Value.Contains("too late for a reminder", StringComparison.Ordinal));
    }

    private static MeetingRecord MeetingOnThursday10December(string id) =>
        new(id, "Westbrook Community Safety Partnership", "19:channel@thread.tacv2", new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero));

    /// <summary>Keeps what was queued; the rest of the outbox is not used by booking.</summary>
    private sealed class RecordingOutbox : IReminderOutbox
    {
        public List<ReminderRecord> Queued { get; } = [];

        public Task<bool> EnqueueAsync(ReminderRecord reminder, CancellationToken cancellationToken)
        {
            Queued.Add(reminder);
            return Task.FromResult(true);
        }

        public Task<IReadOnlyList<ReminderRecord>> ClaimDueAsync(string worker, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CompleteAsync(string reminderId, string worker, ReminderState state, ReminderOutcome outcome, DateTimeOffset? retryAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> WithdrawPendingAsync(string keyPrefix, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReminderRecord?> FindAsync(string reminderId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReminderRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> HoldAsync(string idempotencyKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RescheduleAsync(string idempotencyKey, DateTimeOffset dueAt, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
