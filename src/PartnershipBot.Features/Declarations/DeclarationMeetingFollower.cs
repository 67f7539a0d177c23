using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// Keeps financial-decision items with their meeting: when it moves, the items take its new start and members'
/// cards are queued for the new date (the old ones withdrawn); when it is cancelled, cards not yet sent are
/// withdrawn. Declarations already made stay in the register.
/// </summary>
public sealed class DeclarationMeetingFollower(IDeclarationItemStore items, DeclarationMembers members, DeclarationScheduler scheduler, BoardWorkingDays workingDays) : IMeetingChangeObserver
{
    /// <inheritdoc />
    public async Task MovedAsync(MeetingRecord before, MeetingRecord after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var onMeeting = await items.ForMeetingAsync(before.MeetingId, cancellationToken);
        if (onMeeting.Count == 0)
        {
            return;
        }

        await items.MoveMeetingAsync(before.MeetingId, after.StartsAt, cancellationToken);
        var people = await members.OfBoardAsync(before.BoardName, cancellationToken);
        var calendar = await workingDays.ForAsync(before.BoardName, cancellationToken);
        foreach (var item in onMeeting)
        {
            await scheduler.WithdrawPendingAsync(item, people, aheadOnly: true, cancellationToken);
            await scheduler.QueueAheadOfMeetingAsync(item with { MeetingStartsAt = after.StartsAt }, people, calendar, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task CancelledAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var people = await members.OfBoardAsync(meeting.BoardName, cancellationToken);
        foreach (var item in await items.ForMeetingAsync(meeting.MeetingId, cancellationToken))
        {
            await scheduler.WithdrawPendingAsync(item, people, aheadOnly: false, cancellationToken);
        }
    }
}
