using System.Globalization;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Meetings;

/// <summary>A meeting after booking, with what members need to know about it.</summary>
/// <param name="Meeting">The stored meeting.</param>
/// <param name="JoinUrl">The Teams link, when the calendar made one.</param>
/// <param name="Deadlines">Its paper and minutes deadlines.</param>
public sealed record BookedMeeting(MeetingRecord Meeting, string? JoinUrl, IReadOnlyList<MeetingDeadline> Deadlines);

/// <summary>
/// Books, moves and cancels a board's meetings: in Outlook through <see cref="IBoardCalendar"/> when it is
/// connected (the events first, then our record of them), and always in the bot's own store with the paper and
/// minutes reminders, so deadlines follow the real calendar.
/// </summary>
public sealed class MeetingBooking(
    IMeetingStore meetings, MeetingReminders reminders, IBoardCalendar calendar, IBoardRoles boardRoles, IEnumerable<IMeetingChangeObserver> observers, TimeProvider time)
{

    /// <summary>The calendar in use.</summary>
    public IBoardCalendar Calendar => calendar;

    /// <summary>The stored id of the board's meeting starting at <paramref name="start"/>.</summary>
    public static string MeetingIdFor(string boardName, ZonedDateTime start) => $"{boardName}/{start.ToInstant()}";

    /// <summary>Books the approved meetings; throws <see cref="CalendarUnavailableException"/> (nothing stored) when Outlook fails.</summary>
    public async Task<IReadOnlyList<BookedMeeting>> BookAsync(
        TermsOfReferenceModel model, string? conversationId, IReadOnlyList<ProposedMeeting> approved, string? venue, UkWorkingDays workingDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(approved);
        var board = model.Identity.Name;
        var slots = approved.Select(m => new MeetingSlot(
            MeetingIdFor(board, m.Start), m.Start, m.End, TransactionIds.For(board, m.Start.LocalDateTime),
            InvitationBody(board, MeetingReminders.DeadlinesFor(model, m.Start.Date, workingDays), dated: true))).ToList();
        var entries = calendar.IsConnected
            ? await calendar.BookAsync(new CalendarBooking(board, $"{board} meeting", venue, await AttendeesAsync(board, cancellationToken), slots,
                SeriesPattern.Fit(approved), InvitationBody(board, MeetingReminders.DeadlinesFor(model, approved[0].Start.Date, workingDays), dated: false)), cancellationToken)
            : [];

        var now = time.GetUtcNow();
        var booked = new List<BookedMeeting>();
        foreach (var slot in slots)
        {
            var entry = entries.FirstOrDefault(e => e.TransactionId == slot.TransactionId) ?? entries.FirstOrDefault(e => e.Start == slot.Start.ToDateTimeOffset());
            // The venue is kept with our record whether or not Outlook has it too: without Graph it lives nowhere else.
            var meeting = new MeetingRecord(slot.MeetingId, board, conversationId, slot.Start.ToDateTimeOffset(), slot.End.ToDateTimeOffset(), entry?.EventId, SeriesId: entry?.SeriesId, Venue: venue);
            if (!await meetings.AddAsync(meeting, now, cancellationToken))
            {
                await meetings.UpdateAsync(meeting, now, cancellationToken);
            }

            booked.Add(new BookedMeeting(meeting, entry?.JoinUrl, await reminders.QueueAsync(model, meeting, workingDays, now, cancellationToken)));
            foreach (var observer in observers)
            {
                await observer.BookedAsync(meeting, cancellationToken);
            }
        }

        return booked;
    }

    /// <summary>Moves a meeting to a new start (same length), in Outlook when booked there; its reminders follow.</summary>
    public async Task<BookedMeeting> MoveAsync(TermsOfReferenceModel model, MeetingRecord meeting, ZonedDateTime newStart, UkWorkingDays workingDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var newEnd = newStart.Plus(Duration.FromTimeSpan(meeting.EndsAt - meeting.StartsAt));
        if (meeting.GraphEventId is not null && calendar.IsConnected)
        {
            await calendar.MoveAsync(meeting.BoardName, meeting.GraphEventId, newStart, newEnd, MovedBody(model, meeting.BoardName, newStart, workingDays), cancellationToken);
        }

        return await RecordMoveAsync(model, meeting, newStart.ToDateTimeOffset(), newEnd.ToDateTimeOffset(), workingDays, cancellationToken);
    }

    /// <summary>Cancels a meeting, in Outlook when booked there; its reminders are withdrawn.</summary>
    public async Task CancelAsync(MeetingRecord meeting, string comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.GraphEventId is not null && calendar.IsConnected)
        {
            await calendar.CancelAsync(meeting.BoardName, meeting.GraphEventId, comment, cancellationToken);
        }

        await RecordCancellationAsync(meeting, cancellationToken);
    }

    /// <summary>
    /// Brings the stored schedule into line with Outlook, where people also move and cancel meetings: a booked
    /// meeting that moved gets new deadlines and reminders; one cancelled or deleted is cancelled here too.
    /// Returns how many meetings changed.
    /// </summary>
    public async Task<int> SyncAsync(TermsOfReferenceModel model, UkWorkingDays workingDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!calendar.IsConnected)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var stored = (await meetings.UpcomingAsync(model.Identity.Name, now, 500, cancellationToken)).Where(m => m.GraphEventId is not null).ToList();
        if (stored.Count == 0)
        {
            return 0;
        }

        var events = await calendar.ListAsync(model.Identity.Name, now, stored[^1].EndsAt.AddDays(1), cancellationToken);
        var changed = 0;
        foreach (var meeting in stored)
        {
            var entry = events.FirstOrDefault(e => e.EventId == meeting.GraphEventId);
            if (entry is null || entry.IsCancelled)
            {
                await RecordCancellationAsync(meeting, cancellationToken);
                changed++;
            }
            else if (entry.Start != meeting.StartsAt || entry.End != meeting.EndsAt)
            {
                // Moved in Outlook: the invitation still gives the old date's deadlines. Rewritten first, so a failure
                // leaves the move unrecorded and the next pass tries both again.
                var start = Instant.FromDateTimeOffset(entry.Start).InZone(MeetingTimes.London);
                await calendar.MoveAsync(meeting.BoardName, entry.EventId, start, Instant.FromDateTimeOffset(entry.End).InZone(MeetingTimes.London),
                    MovedBody(model, meeting.BoardName, start, workingDays), cancellationToken);
                await RecordMoveAsync(model, meeting, entry.Start, entry.End, workingDays, cancellationToken);
                changed++;
            }
        }

        return changed;
    }

    private async Task<BookedMeeting> RecordMoveAsync(TermsOfReferenceModel model, MeetingRecord meeting, DateTimeOffset start, DateTimeOffset end, UkWorkingDays workingDays, CancellationToken cancellationToken)
    {
        var moved = meeting with { StartsAt = start, EndsAt = end };
        await meetings.UpdateAsync(moved, time.GetUtcNow(), cancellationToken);
        await reminders.WithdrawAsync(meeting, cancellationToken);
        var deadlines = await reminders.QueueAsync(model, moved, workingDays, time.GetUtcNow(), cancellationToken);
        foreach (var observer in observers)
        {
            await observer.MovedAsync(meeting, moved, cancellationToken);
        }

        return new BookedMeeting(moved, null, deadlines);
    }

    private async Task RecordCancellationAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        await meetings.UpdateAsync(meeting with { Cancelled = true }, time.GetUtcNow(), cancellationToken);
        await reminders.WithdrawAsync(meeting, cancellationToken);
        foreach (var observer in observers)
        {
            await observer.CancelledAsync(meeting, cancellationToken);
        }
    }

    /// <summary>Everyone holding a role on the board who has an email address: the invitees.</summary>
    private async Task<IReadOnlyList<MeetingAttendee>> AttendeesAsync(string board, CancellationToken cancellationToken)
    {
        var people = new List<PersonRecord>();
        foreach (var role in Enum.GetValues<BoardRole>())
        {
            people.AddRange(await boardRoles.HoldersAsync(board, role, cancellationToken));
        }

        return [.. people.Where(p => !string.IsNullOrWhiteSpace(p.Email)).DistinctBy(p => p.Email!.ToUpperInvariant()).Select(p => new MeetingAttendee(p.Email!, p.Name))];
    }

    /// <summary>The invitation text of a meeting moved to <paramref name="start"/>: it is one occurrence now, so dated.</summary>
    private static string MovedBody(TermsOfReferenceModel model, string board, ZonedDateTime start, UkWorkingDays workingDays) =>
        InvitationBody(board, MeetingReminders.DeadlinesFor(model, start.Date, workingDays), dated: true);

    /// <summary>The invitation text: the deadlines, dated for a single meeting, as rules for a series.</summary>
    private static string InvitationBody(string board, IReadOnlyList<MeetingDeadline> deadlines, bool dated)
    {
        var lines = deadlines.Select(d => !dated
            ? $"{d.Kind} deadline: {d.Rule} (UK working days)."
            : $"{d.Kind} deadline: {MeetingTimes.LongDate.Format(d.Date)} ({d.Rule}).");
        return $"Meeting of the {board}, booked by PartnershipBot. " + (deadlines.Count == 0 ? "The Terms of Reference set no paper deadline." : string.Join(" ", lines));
    }
}
