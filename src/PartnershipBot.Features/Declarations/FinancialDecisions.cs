using System.Globalization;
using NodaTime;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// Puts a financial decision on a meeting and queues each member's declaration card to arrive the board's lead in UK
/// working days before it: what both "add '…' as a financial decision" and the agenda's "… as a financial decision" do.
/// </summary>
public sealed class FinancialDecisions(IDeclarationItemStore items, DeclarationMembers members, DeclarationScheduler scheduler, BoardWorkingDays workingDays, TimeProvider time)
{
    /// <summary>Adds <paramref name="title"/> to <paramref name="meeting"/> (once) and returns what to tell the person who asked.</summary>
    public async Task<string> AddAsync(string board, MeetingRecord meeting, string title, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var (item, added) = await items.AddAsync(new DeclarationItem(Guid.NewGuid().ToString("N"), board, meeting.MeetingId, meeting.StartsAt, title, actor, time.GetUtcNow()), cancellationToken);
        var people = await members.OfBoardAsync(board, cancellationToken);
        var meetingDate = MeetingTimes.LongDate.Format(Instant.FromDateTimeOffset(meeting.StartsAt).InZone(MeetingTimes.London).Date);
        DateTimeOffset due;
        try
        {
            var calendar = await workingDays.ForAsync(board, cancellationToken);
            due = scheduler.DueFor(item, calendar);
            // Queuing again is harmless (one key per item and member) and reaches members added since.
            await scheduler.QueueAheadOfMeetingAsync(item, people, calendar, cancellationToken);
        }
        catch (OutsideHolidayDataException ex)
        {
            return $"“{MarkdownText.Escape(item.Title)}” is on the {meetingDate} meeting, but I can't schedule its declaration cards: {ex.Message}";
        }

        var when = Instant.FromDateTimeOffset(due).InZone(MeetingTimes.London);
        var sending = people.Count == 0
            ? "No members of this board are recorded, so no cards are queued: the secretariat can say \"import members\", then add the item again."
            : $"Declaration cards go to {people.Count} members in their chats with me on {MeetingTimes.LongDate.Format(when.Date)} at {when.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)} (UK time).";
        var opening = added
            ? $"Added “{MarkdownText.Escape(item.Title)}” to the {meetingDate} meeting of the **{board}** as a financial decision."
            : $"“{MarkdownText.Escape(item.Title)}” is already a financial decision on the {meetingDate} meeting of the **{board}**.";
        return $"{opening} {sending} \"open declarations for {item.Title}\" sends them again when the item comes up.";
    }
}
