using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Infrastructure.Graph;

/// <summary>
/// Board meetings as Outlook events in the organiser (secretariat) mailbox through Microsoft Graph, app-only:
/// Teams meetings with the board's members invited, a series where Graph's recurrence expresses the cadence,
/// each event tagged with the board's category so reading finds only that board's meetings.
/// The SDK's own middleware retries 429/503/504 (honouring Retry-After); a create it retries carries the same
/// transactionId, so Outlook keeps one event.
/// </summary>
public sealed partial class GraphBoardCalendar(GraphServiceClient graph, GraphCalendarOptions options, ILogger<GraphBoardCalendar> logger) : IBoardCalendar
{
    private static readonly LocalDateTimePattern WallClock = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");

    /// <inheritdoc />
    public bool IsConnected => true;

    /// <summary>The Outlook category that marks a board's meetings.</summary>
    public static string CategoryFor(string boardName) => $"Board: {boardName}";

    /// <inheritdoc />
    public string Describe(string boardName) => $"Outlook, organised by {Mailbox(boardName)}";

    /// <inheritdoc />
    public async Task<IReadOnlyList<CalendarEntry>> BookAsync(CalendarBooking booking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var mailbox = Mailbox(booking.BoardName);
        return await CallAsync("book the meetings", async () =>
        {
            if (booking.Series is { } series)
            {
                var first = booking.Slots[0];
                var master = await CreateAsync(mailbox, EventFor(booking, first, booking.SeriesBody, Recurrence(series, first.Start.Zone)), cancellationToken);
                // Occurrences have their own ids (what moves and cancellations act on): read them back over the series' span.
                var occurrences = await ReadAsync(mailbox, booking.BoardName, first.Start.ToDateTimeOffset(), booking.Slots[^1].End.ToDateTimeOffset(), cancellationToken);
                return [.. occurrences.Where(o => o.SeriesId == master.Id).Select(o => o with { JoinUrl = o.JoinUrl ?? master.OnlineMeeting?.JoinUrl })];
            }

            var entries = new List<CalendarEntry>();
            foreach (var slot in booking.Slots)
            {
                entries.Add(ToEntry(await CreateAsync(mailbox, EventFor(booking, slot, slot.Body, null), cancellationToken)) with { TransactionId = slot.TransactionId });
            }

            return (IReadOnlyList<CalendarEntry>)entries;
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CalendarEntry>> ListAsync(string boardName, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        CallAsync("read the calendar", () => ReadAsync(Mailbox(boardName), boardName, from, until, cancellationToken));

    /// <inheritdoc />
    public Task MoveAsync(string boardName, string eventId, ZonedDateTime start, ZonedDateTime finish, string body, CancellationToken cancellationToken) =>
        CallAsync("move the meeting", async () =>
        {
            // One PATCH, so attendees get one update with the new time and the deadlines that go with it.
            await graph.Users[Mailbox(boardName)].Events[eventId].PatchAsync(
                new Event { Start = Wall(start), End = Wall(finish), Body = new ItemBody { ContentType = BodyType.Text, Content = body } }, cancellationToken: cancellationToken);
            return true;
        });

    /// <inheritdoc />
    public Task CancelAsync(string boardName, string eventId, string comment, CancellationToken cancellationToken) =>
        CallAsync("cancel the meeting", async () =>
        {
            await graph.Users[Mailbox(boardName)].Events[eventId].Cancel.PostAsync(
                new Microsoft.Graph.Users.Item.Events.Item.Cancel.CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken);
            return true;
        });

    private async Task<Event> CreateAsync(string mailbox, Event body, CancellationToken cancellationToken)
    {
        var created = await graph.Users[mailbox].Events.PostAsync(body, cancellationToken: cancellationToken)
            ?? throw new CalendarUnavailableException("Outlook accepted the meeting but returned no event.");
        if (created.OnlineMeeting?.JoinUrl is null)
        {
            // Graph can answer 201 without a Teams meeting when the organiser can't host one: say so, don't hide it.
            LogNoJoinUrl(logger, mailbox, created.Id);
        }

        return created;
    }

    private async Task<IReadOnlyList<CalendarEntry>> ReadAsync(string mailbox, string boardName, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var page = await graph.Users[mailbox].CalendarView.GetAsync(request =>
        {
            // calendarView takes instants; an explicit Z keeps them from being read in any other zone.
            request.QueryParameters.StartDateTime = from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            request.QueryParameters.EndDateTime = until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            request.QueryParameters.Select = ["subject", "start", "end", "isCancelled", "onlineMeeting", "type", "seriesMasterId", "categories", "transactionId"];
            request.QueryParameters.Orderby = ["start/dateTime"];
            request.QueryParameters.Top = 50;
        }, cancellationToken);
        var entries = new List<CalendarEntry>();
        if (page is null)
        {
            return entries;
        }

        var category = CategoryFor(boardName);
        var pages = PageIterator<Event, EventCollectionResponse>.CreatePageIterator(graph, page, e =>
        {
            if (e.Categories?.Contains(category, StringComparer.OrdinalIgnoreCase) == true)
            {
                entries.Add(ToEntry(e));
            }

            return true;
        });
        await pages.IterateAsync(cancellationToken);
        return [.. entries.OrderBy(e => e.Start)];
    }

    private static Event EventFor(CalendarBooking booking, MeetingSlot slot, string body, PatternedRecurrence? recurrence) => new()
    {
        Subject = booking.Subject,
        Body = new ItemBody { ContentType = BodyType.Text, Content = body },
        Start = Wall(slot.Start),
        End = Wall(slot.End),
        Location = new Location { DisplayName = booking.Venue ?? "Microsoft Teams meeting" },
        Attendees = [.. booking.Attendees.Select(a => new Attendee { EmailAddress = new EmailAddress { Address = a.Email, Name = a.Name }, Type = AttendeeType.Required })],
        IsOnlineMeeting = true,
        OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
        AllowNewTimeProposals = true,
        Categories = [CategoryFor(booking.BoardName)],
        TransactionId = slot.TransactionId,
        Recurrence = recurrence,
    };

    private static PatternedRecurrence Recurrence(SeriesPattern series, DateTimeZone zone) => new()
    {
        Pattern = series.Kind == SeriesKind.Weekly
            ? new RecurrencePattern { Type = RecurrencePatternType.Weekly, Interval = series.Interval, DaysOfWeek = [Day(series.Weekday)], FirstDayOfWeek = DayOfWeekObject.Monday }
            : new RecurrencePattern { Type = RecurrencePatternType.RelativeMonthly, Interval = series.Interval, DaysOfWeek = [Day(series.Weekday)], Index = (WeekIndex)(series.WeekOfMonth - 1) },
        Range = new RecurrenceRange
        {
            Type = RecurrenceRangeType.Numbered,
            StartDate = new Date(series.FirstDate.Year, series.FirstDate.Month, series.FirstDate.Day),
            NumberOfOccurrences = series.Occurrences,
            RecurrenceTimeZone = WindowsZone(zone),
        },
    };

    /// <summary>Wall-clock time plus zone, as Graph wants it: 10:00 stays 10:00 either side of a clock change.</summary>
    private static DateTimeTimeZone Wall(ZonedDateTime time) => new() { DateTime = WallClock.Format(time.LocalDateTime), TimeZone = WindowsZone(time.Zone) };

    private static CalendarEntry ToEntry(Event e) => new(
        e.Id ?? string.Empty, e.SeriesMasterId, Instant(e.Start), Instant(e.End), e.OnlineMeeting?.JoinUrl, e.IsCancelled == true, e.TransactionId);

    /// <summary>Graph's dateTime (no offset) in its timeZone (Windows or IANA id, UTC when unstated) as an instant.</summary>
    private static DateTimeOffset Instant(DateTimeTimeZone? value)
    {
        var local = LocalDateTimePattern.ExtendedIso.Parse(value?.DateTime ?? string.Empty).GetValueOrThrow();
        var zoneId = value?.TimeZone ?? "UTC";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? (WindowsToTzdb.TryGetValue(zoneId, out var iana) ? DateTimeZoneProviders.Tzdb[iana] : DateTimeZone.Utc);
        return local.InZoneLeniently(zone).ToDateTimeOffset();
    }

    private static IDictionary<string, string> WindowsToTzdb =>
        NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping;

    /// <summary>"Europe/London" → "GMT Standard Time" (the UK zone with BST; never "Greenwich Standard Time").</summary>
    private static string WindowsZone(DateTimeZone zone) =>
        WindowsToTzdb.FirstOrDefault(p => p.Value == zone.Id).Key ?? zone.Id;

    private static DayOfWeekObject Day(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => DayOfWeekObject.Monday,
        IsoDayOfWeek.Tuesday => DayOfWeekObject.Tuesday,
        IsoDayOfWeek.Wednesday => DayOfWeekObject.Wednesday,
        IsoDayOfWeek.Thursday => DayOfWeekObject.Thursday,
        IsoDayOfWeek.Friday => DayOfWeekObject.Friday,
        IsoDayOfWeek.Saturday => DayOfWeekObject.Saturday,
        _ => DayOfWeekObject.Sunday,
    };

    private string Mailbox(string boardName) => options.MailboxFor(boardName)
        ?? throw new CalendarUnavailableException($"No organiser mailbox is configured for the {boardName} (Graph:OrganizerMailbox or Graph:BoardMailboxes).");

    /// <summary>Runs a Graph call, turning its failures into one exception with a message for people.</summary>
    private async Task<T> CallAsync<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ODataError ex)
        {
            LogGraphFailed(logger, what, ex.ResponseStatusCode, ex);
            var reason = ex.ResponseStatusCode switch
            {
                (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.Unauthorized => "the bot isn't allowed to use the organiser mailbox (check the Calendars.ReadWrite permission and its mailbox scope)",
                (int)HttpStatusCode.NotFound => "the organiser mailbox or the event wasn't found",
                _ => $"Outlook answered {ex.ResponseStatusCode} {ex.Error?.Code}",
            };
            throw new CalendarUnavailableException($"I couldn't {what} in Outlook: {reason}.", ex);
        }
        catch (Exception ex) when (ex is AggregateException or ApiException or HttpRequestException or TaskCanceledException)
        {
            // The SDK throws AggregateException once its retries of 429/503/504 run out.
            LogGraphFailed(logger, what, null, ex);
            throw new CalendarUnavailableException($"I couldn't {what} in Outlook: it is busy or unreachable. Please try again shortly; nothing will be booked twice.", ex);
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Graph created event {EventId} in {Mailbox} without a Teams join URL")]
    private static partial void LogNoJoinUrl(ILogger logger, string mailbox, string? eventId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Graph call failed ({What}, status {Status})")]
    private static partial void LogGraphFailed(ILogger logger, string what, int? status, Exception exception);
}
