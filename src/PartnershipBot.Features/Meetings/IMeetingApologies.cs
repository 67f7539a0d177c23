namespace PartnershipBot.Features.Meetings;

/// <summary>A member's apology for a meeting they can't attend.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="BoardName">The meeting's board.</param>
/// <param name="PersonId">Who sent it (Entra object id).</param>
/// <param name="PersonName">Their display name when Teams gave one.</param>
/// <param name="RecordedAt">When it was first recorded.</param>
public sealed record MeetingApology(string MeetingId, string BoardName, string PersonId, string? PersonName, DateTimeOffset RecordedAt);

/// <summary>
/// Apologies for absence, per meeting (port). Kept apart from reminder state because they outlive any one card:
/// the next-meeting answer counts them, and a quorum forecast can subtract them from the membership.
/// </summary>
public interface IMeetingApologies
{
    /// <summary>Records an apology; false (and the first one is kept) when the person already sent one for that meeting.</summary>
    Task<bool> RecordAsync(MeetingApology apology, CancellationToken cancellationToken);

    /// <summary>The meeting's apologies, earliest first.</summary>
    Task<IReadOnlyList<MeetingApology>> ForMeetingAsync(string meetingId, CancellationToken cancellationToken);
}
