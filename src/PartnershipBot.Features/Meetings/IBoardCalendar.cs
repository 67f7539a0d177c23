using NodaTime;

namespace PartnershipBot.Features.Meetings;

/// <summary>A person invited to the board's meetings.</summary>
/// <param name="Email">Email address (or UPN).</param>
/// <param name="Name">Display name, when known.</param>
public sealed record MeetingAttendee(string Email, string? Name);

/// <summary>One meeting to book.</summary>
/// <param name="MeetingId">Our id for it.</param>
/// <param name="Start">Start in the board's time zone (sent to the calendar as wall-clock time plus zone).</param>
/// <param name="End">End in the board's time zone.</param>
/// <param name="TransactionId">Deterministic id so a retried create never makes a second event.</param>
/// <param name="Body">What the invitation says (e.g. the papers deadline).</param>
public sealed record MeetingSlot(string MeetingId, ZonedDateTime Start, ZonedDateTime End, string TransactionId, string Body);

/// <summary>Meetings to book for one board, as a series when <see cref="Series"/> is set, otherwise one event each.</summary>
/// <param name="BoardName">The board (also used to tag the events).</param>
/// <param name="Subject">Event subject.</param>
/// <param name="Venue">A venue, or null for online only.</param>
/// <param name="Attendees">Invitees.</param>
/// <param name="Slots">The meetings, soonest first.</param>
/// <param name="Series">The recurrence that yields exactly these slots, or null.</param>
/// <param name="SeriesBody">The invitation text of a series (one body for all occurrences).</param>
public sealed record CalendarBooking(
    string BoardName, string Subject, string? Venue, IReadOnlyList<MeetingAttendee> Attendees, IReadOnlyList<MeetingSlot> Slots, SeriesPattern? Series, string SeriesBody);

/// <summary>An event the calendar holds.</summary>
/// <param name="EventId">The calendar's id (an occurrence id for a series).</param>
/// <param name="SeriesId">The series master's id, for occurrences.</param>
/// <param name="Start">Start instant.</param>
/// <param name="End">End instant.</param>
/// <param name="JoinUrl">The Teams join link, or null when the calendar did not create one.</param>
/// <param name="IsCancelled">True when cancelled in the calendar.</param>
/// <param name="TransactionId">The transaction id it was created with, when we created it.</param>
public sealed record CalendarEntry(string EventId, string? SeriesId, DateTimeOffset Start, DateTimeOffset End, string? JoinUrl, bool IsCancelled, string? TransactionId);

/// <summary>
/// The board's real calendar (port): Outlook through Microsoft Graph when configured. Every method throws
/// <see cref="CalendarUnavailableException"/> with a message for people when the calendar can't be reached.
/// </summary>
public interface IBoardCalendar
{
    /// <summary>False in the local default: meetings live only in the bot's own store.</summary>
    bool IsConnected { get; }

    /// <summary>Where the board's meetings are booked, for messages (e.g. the organiser mailbox).</summary>
    string Describe(string boardName);

    /// <summary>Creates the events; returns what the calendar holds for each slot afterwards.</summary>
    Task<IReadOnlyList<CalendarEntry>> BookAsync(CalendarBooking booking, CancellationToken cancellationToken);

    /// <summary>The board's events between two instants (series expanded into occurrences), soonest first.</summary>
    Task<IReadOnlyList<CalendarEntry>> ListAsync(string boardName, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an event and replaces its invitation text with <paramref name="body"/> (the deadlines for the new date);
    /// attendees get the update. Moving to where it already is only rewrites the text.
    /// </summary>
    Task MoveAsync(string boardName, string eventId, ZonedDateTime start, ZonedDateTime finish, string body, CancellationToken cancellationToken);

    /// <summary>Cancels an event (attendees get the cancellation with <paramref name="comment"/>).</summary>
    Task CancelAsync(string boardName, string eventId, string comment, CancellationToken cancellationToken);
}

/// <summary>The calendar could not be reached or refused the change; the message says so for people.</summary>
public sealed class CalendarUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The local default: no Outlook calendar, the bot's own store is the schedule.</summary>
public sealed class OwnStoreOnlyCalendar : IBoardCalendar
{
    /// <inheritdoc />
    public bool IsConnected => false;

    /// <inheritdoc />
    /// <summary>How answers name this calendar; the booking card alone explains that Outlook is not connected.</summary>
    public const string Name = "the bot's own calendar";

    /// <inheritdoc />
    public string Describe(string boardName) => Name + " (Outlook booking through Microsoft Graph is not configured)";

    /// <inheritdoc />
    public Task<IReadOnlyList<CalendarEntry>> BookAsync(CalendarBooking booking, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CalendarEntry>>([]);

    /// <inheritdoc />
    public Task<IReadOnlyList<CalendarEntry>> ListAsync(string boardName, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CalendarEntry>>([]);

    /// <inheritdoc />
    public Task MoveAsync(string boardName, string eventId, ZonedDateTime start, ZonedDateTime finish, string body, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task CancelAsync(string boardName, string eventId, string comment, CancellationToken cancellationToken) => Task.CompletedTask;
}
