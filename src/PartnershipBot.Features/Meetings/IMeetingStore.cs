namespace PartnershipBot.Features.Meetings;

/// <summary>A board meeting the bot knows about.</summary>
/// <param name="MeetingId">Unique id.</param>
/// <param name="BoardName">The board.</param>
/// <param name="ConversationId">The board's conversation, where its reminders go.</param>
/// <param name="StartsAt">Start (UTC instant; shown in the board's time zone).</param>
/// <param name="EndsAt">End.</param>
/// <param name="GraphEventId">The Outlook event (an occurrence id for a series), once booked through Microsoft Graph.</param>
/// <param name="Cancelled">True when cancelled.</param>
/// <param name="SeriesId">The Outlook series the event belongs to, if any.</param>
/// <param name="Venue">Where it meets, as typed on the booking card; null for online only. Kept here as well as in
/// Outlook, because without Graph the bot's own record is the only place the venue lives.</param>
public sealed record MeetingRecord(
    string MeetingId, string BoardName, string? ConversationId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? GraphEventId = null, bool Cancelled = false, string? SeriesId = null,
    string? Venue = null);

/// <summary>The board's meetings (port).</summary>
public interface IMeetingStore
{
    /// <summary>Adds a meeting; false when one with the same id exists.</summary>
    Task<bool> AddAsync(MeetingRecord meeting, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces a meeting's times, calendar ids, venue and status; false when there is no such meeting.</summary>
    Task<bool> UpdateAsync(MeetingRecord meeting, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A meeting by id (cancelled ones included), or null.</summary>
    Task<MeetingRecord?> FindAsync(string meetingId, CancellationToken cancellationToken);

    /// <summary>The board's meetings starting at or after <paramref name="from"/>, soonest first, cancelled ones left out.</summary>
    Task<IReadOnlyList<MeetingRecord>> UpcomingAsync(string boardName, DateTimeOffset from, int max, CancellationToken cancellationToken);

    /// <summary>The boards with meetings booked in Outlook starting at or after <paramref name="from"/> (what calendar sync looks at).</summary>
    Task<IReadOnlyList<string>> BoardsWithBookedMeetingsAsync(DateTimeOffset from, CancellationToken cancellationToken);
}
