namespace PartnershipBot.Features.Meetings;

/// <summary>
/// Told when a meeting moves or is cancelled (in chat or in Outlook), so work tied to its date follows it: the
/// meetings feature already moves its own deadlines; declaration cards, for one, subscribe here.
/// </summary>
public interface IMeetingChangeObserver
{
    /// <summary>The meeting was booked (or booked again); by default nothing follows.</summary>
    Task BookedAsync(MeetingRecord meeting, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The meeting moved from <paramref name="before"/>'s time to <paramref name="after"/>'s.</summary>
    Task MovedAsync(MeetingRecord before, MeetingRecord after, CancellationToken cancellationToken);

    /// <summary>The meeting was cancelled.</summary>
    Task CancelledAsync(MeetingRecord meeting, CancellationToken cancellationToken);
}
