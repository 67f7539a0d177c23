namespace PartnershipBot.Features.Meetings.Attendance;

/// <summary>Where a person's presence came from.</summary>
public enum AttendanceSource
{
    /// <summary>Ticked by the chair or secretariat on the "who's here?" card.</summary>
    Card,
    /// <summary>The member pressed "I'm here" themselves.</summary>
    Self,
    /// <summary>Read from the Teams meeting's attendance report through Graph.</summary>
    Teams,
}

/// <summary>One person marked present at a meeting.</summary>
/// <param name="PersonId">Entra object id.</param>
/// <param name="PersonName">Display name when known.</param>
/// <param name="Source">How they came to be marked.</param>
public sealed record Attendee(string PersonId, string? PersonName, AttendanceSource Source);

/// <summary>The quorum as it stood when the attendance was recorded.</summary>
/// <param name="Present">Voting members present.</param>
/// <param name="Voting">Voting members of the board.</param>
/// <param name="Needed">The quorum the ToR's rule gives; null when the ToR has no rule.</param>
/// <param name="Quorate">Whether enough were present; null when the ToR has no rule.</param>
/// <param name="Rule">The rule as the ToR words it, or null.</param>
public sealed record RecordedQuorum(int Present, int Voting, int? Needed, bool? Quorate, string? Rule);

/// <summary>A meeting's recorded attendance: who was marked present and the quorum at the last Record.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Present">Everyone marked present (voting or not), in the order marked.</param>
/// <param name="Quorum">The quorum at the last Record, or null when nobody has pressed Record yet.</param>
/// <param name="RecordedBy">Who pressed Record last.</param>
/// <param name="RecordedAt">When.</param>
public sealed record AttendanceRecord(string MeetingId, IReadOnlyList<Attendee> Present, RecordedQuorum? Quorum, string? RecordedBy, DateTimeOffset? RecordedAt);

/// <summary>
/// A meeting's attendance (port). Presence is one row per person, so marking someone twice keeps one mark; a Record
/// replaces the presence of the people it covers and stores the quorum with the press that made it, so the same press
/// arriving twice (a double click, or Execute and its Submit fallback) records once.
/// </summary>
public interface IMeetingAttendance
{
    /// <summary>Marks one person present; false when they already were.</summary>
    Task<bool> MarkPresentAsync(string meetingId, string boardName, Attendee attendee, string markedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Sets who of <paramref name="covered"/> is present (those in <paramref name="present"/>; the rest of
    /// <paramref name="covered"/> are unmarked, anyone else is left as they were), then stores
    /// the quorum <paramref name="quorumOf"/> computes over the resulting presence. False, and
    /// nothing changed, when <paramref name="pressId"/> is the press already recorded.
    /// </summary>
    Task<bool> RecordAsync(
        string meetingId, string boardName, IReadOnlyCollection<string> covered, IReadOnlyList<Attendee> present, Func<IReadOnlyList<Attendee>, RecordedQuorum> quorumOf,
        string recordedBy, string pressId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The meeting's attendance; empty presence and no quorum when nothing was marked.</summary>
    Task<AttendanceRecord> ForMeetingAsync(string meetingId, CancellationToken cancellationToken);
}
