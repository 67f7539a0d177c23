using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Infrastructure.Graph;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Graph;

/// <summary>
/// The real Microsoft Graph SDK (5.92, its own retry middleware) against a loopback Graph: the JSON of events
/// and series, calendarView paging, throttling, the ambiguous 503 after a create, and GMT/BST.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class GraphBoardCalendarTests : IAsyncLifetime
{
    private const string Board = "Safer Somewhere Partnership Board";
    private const string Mailbox = "secretariat@council.example";
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private LoopbackGraph graph = null!;
    private GraphBoardCalendar calendar = null!;

    public async Task InitializeAsync()
    {
        graph = await LoopbackGraph.StartAsync();
        var options = new GraphCalendarOptions { BaseUrl = graph.BaseUrl, OrganizerMailbox = Mailbox };
        calendar = new GraphBoardCalendar(GraphClients.Create(new FakeGraphCredential(), graph.BaseUrl), options, NullLogger<GraphBoardCalendar>.Instance);
    }

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task Single_events_are_Teams_meetings_in_UK_wall_clock_time_with_the_board_tag_and_a_transaction_id()
    {
        var booked = await calendar.BookAsync(Booking(At(2026, 12, 8), At(2027, 2, 9)), CancellationToken.None);

        var sent = graph.Created;
        Assert.Equal(2, sent.Count);
        var first = sent[0];
        Assert.Equal("2026-12-08T10:00:00", (string?)first["start"]!["dateTime"]);
        Assert.Equal("GMT Standard Time", (string?)first["start"]!["timeZone"]);
        Assert.Equal("2026-12-08T12:00:00", (string?)first["end"]!["dateTime"]);
        Assert.True((bool)first["isOnlineMeeting"]!);
        Assert.Equal("teamsForBusiness", (string?)first["onlineMeetingProvider"]);
        Assert.Equal(TransactionIds.For(Board, new LocalDateTime(2026, 12, 8, 10, 0)), (string?)first["transactionId"]);
        Assert.Equal(GraphBoardCalendar.CategoryFor(Board), (string?)first["categories"]![0]);
        Assert.Equal("chair@council.example", (string?)first["attendees"]![0]!["emailAddress"]!["address"]);
        Assert.Equal("required", (string?)first["attendees"]![0]!["type"]);
        Assert.Contains("Papers deadline", (string?)first["body"]!["content"], StringComparison.Ordinal);
        Assert.Null(first["recurrence"]);
        Assert.All(graph.Calls, c => Assert.Equal($"Bearer {LoopbackGraph.Token}", c.Authorization));
        Assert.All(graph.Calls, c => Assert.StartsWith($"/v1.0/users/{Mailbox}/", c.Path, StringComparison.Ordinal));
        Assert.Equal(2, booked.Count);
        Assert.All(booked, b => Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", b.JoinUrl, StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero), booked[0].Start);
    }

    [Fact]
    public async Task A_quarterly_cadence_becomes_one_relative_monthly_series_and_its_occurrences_come_back()
    {
        var slots = new[] { At(2027, 6, 8), At(2027, 9, 14), At(2027, 12, 14), At(2028, 3, 14) };
        var series = SeriesPattern.Fit([.. slots.Select(s => new ProposedMeeting(s.Start, s.End, "quarterly"))]);

        var booked = await calendar.BookAsync(Booking(slots) with { Series = series }, CancellationToken.None);

        var sent = Assert.Single(graph.Created);
        var pattern = sent["recurrence"]!["pattern"]!;
        Assert.Equal("relativeMonthly", (string?)pattern["type"]);
        Assert.Equal(3, (int)pattern["interval"]!);
        Assert.Equal("tuesday", (string?)pattern["daysOfWeek"]![0]);
        Assert.Equal("second", (string?)pattern["index"]);
        var range = sent["recurrence"]!["range"]!;
        Assert.Equal(("numbered", 4, "2027-06-08"), ((string?)range["type"], (int)range["numberOfOccurrences"]!, (string?)range["startDate"]));
        Assert.Equal(4, booked.Count);
        Assert.All(booked, b => Assert.NotNull(b.SeriesId));
        Assert.Equal(slots.Select(s => s.Start.ToDateTimeOffset()), booked.Select(b => b.Start));
    }

    [Fact]
    public async Task CalendarView_is_followed_through_every_nextLink_page()
    {
        await calendar.BookAsync(Booking(At(2026, 12, 8), At(2027, 1, 12), At(2027, 2, 9), At(2027, 3, 9), At(2027, 4, 13)), CancellationToken.None);

        var listed = await calendar.ListAsync(Board, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 12, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(5, listed.Count);
        Assert.Equal(3, graph.Calls.Count(c => c.Method == "GET" && c.Path.Contains("/calendarView", StringComparison.Ordinal)));
        Assert.Contains(graph.Calls, c => c.Path.Contains("startDateTime=2026-12-01T00:00:00Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_by_the_SDK_and_one_event_results()
    {
        graph.FailNext(429, retryAfterSeconds: "0");

        var booked = await calendar.BookAsync(Booking(At(2026, 12, 8)), CancellationToken.None);

        Assert.Single(booked);
        Assert.Equal(2, graph.Calls.Count(c => c.Method == "POST"));
        Assert.Single(graph.Events);
    }

    [Fact]
    public async Task A_503_for_a_create_that_succeeded_still_leaves_exactly_one_event()
    {
        graph.FailNext(503, retryAfterSeconds: "0", afterStoring: true);

        var booked = await calendar.BookAsync(Booking(At(2026, 12, 8)), CancellationToken.None);

        var posts = graph.Created;
        Assert.Equal(2, posts.Count);
        Assert.Equal((string?)posts[0]["transactionId"], (string?)posts[1]["transactionId"]);
        Assert.Single(graph.Events);
        Assert.Equal((string?)graph.Events[0]["id"], Assert.Single(booked).EventId);
    }

    [Fact]
    public async Task Retries_that_run_out_become_a_message_for_people()
    {
        for (var i = 0; i < 4; i++)
        {
            graph.FailNext(503, retryAfterSeconds: "0");
        }

        var error = await Assert.ThrowsAsync<CalendarUnavailableException>(() => calendar.BookAsync(Booking(At(2026, 12, 8)), CancellationToken.None));

        Assert.Contains("busy or unreachable", error.Message, StringComparison.Ordinal);
        Assert.Empty(graph.Events);
    }

    [Fact]
    public async Task Ten_AM_stays_ten_AM_across_the_March_and_October_clock_changes()
    {
        // Last Sundays: 28 March 2027 (to BST) and 31 October 2027 (to GMT).
        var slots = new[] { At(2027, 3, 23), At(2027, 3, 30), At(2027, 10, 26), At(2027, 11, 2) };

        await calendar.BookAsync(Booking(slots), CancellationToken.None);
        var listed = await calendar.ListAsync(Board, new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 12, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.All(graph.Created, e => Assert.EndsWith("T10:00:00", (string?)e["start"]!["dateTime"], StringComparison.Ordinal));
        Assert.Equal([10, 9, 9, 10], listed.Select(e => e.Start.UtcDateTime.Hour));
        Assert.All(listed, e => Assert.Equal(new LocalTime(10, 0), Instant.FromDateTimeOffset(e.Start).InZone(London).TimeOfDay));
    }

    [Fact]
    public async Task An_event_without_a_Teams_link_is_reported_as_such()
    {
        graph.TeamsLinks = false;

        var booked = await calendar.BookAsync(Booking(At(2026, 12, 8)), CancellationToken.None);

        Assert.Null(Assert.Single(booked).JoinUrl);
    }

    [Fact]
    public async Task Moving_and_cancelling_change_the_Outlook_event()
    {
        var booked = await calendar.BookAsync(Booking(At(2026, 12, 8), At(2027, 1, 12)), CancellationToken.None);
        var moved = At(2026, 12, 15);

        await calendar.MoveAsync(Board, booked[0].EventId, moved.Start, moved.End, "Papers deadline: Thursday 10 December 2026.", CancellationToken.None);
        await calendar.CancelAsync(Board, booked[1].EventId, "Cancelled", CancellationToken.None);

        var patch = JsonNode.Parse(graph.Calls.Single(c => c.Method == "PATCH").Body)!;
        Assert.Equal("2026-12-15T10:00:00", (string?)patch["start"]!["dateTime"]);
        Assert.Equal("2026-12-15T12:00:00", (string?)patch["end"]!["dateTime"]);
        // The new deadlines go in the same PATCH, so attendees get one update.
        Assert.Equal("text", (string?)patch["body"]!["contentType"]);
        Assert.Equal("Papers deadline: Thursday 10 December 2026.", (string?)patch["body"]!["content"]);
        var remaining = Assert.Single(await calendar.ListAsync(Board, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None));
        Assert.Equal(moved.Start.ToDateTimeOffset(), remaining.Start);
    }

    [Fact]
    public async Task Another_boards_events_in_the_same_mailbox_are_not_listed()
    {
        await calendar.BookAsync(Booking(At(2026, 12, 8)), CancellationToken.None);
        await calendar.BookAsync(Booking(At(2026, 12, 9)) with { BoardName = "Another Board" }, CancellationToken.None);

        var listed = await calendar.ListAsync(Board, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero), Assert.Single(listed).Start);
    }

    private static (ZonedDateTime Start, ZonedDateTime End) At(int year, int month, int day)
    {
        var start = new LocalDateTime(year, month, day, 10, 0).InZoneStrictly(London);
        return (start, start.Plus(Duration.FromHours(2)));
    }

    private static CalendarBooking Booking(params (ZonedDateTime Start, ZonedDateTime End)[] slots) => new(
        Board, $"{Board} meeting", null, [new MeetingAttendee("chair@council.example", "Jane Chair"), new MeetingAttendee("member@partner.example", null)],
        [.. slots.Select(s => new MeetingSlot($"{Board}/{s.Start.ToInstant()}", s.Start, s.End, TransactionIds.For(Board, s.Start.LocalDateTime), "Papers deadline: Thursday 3 December 2026."))],
        null, "Papers deadline: 3 working days before the meeting.");
}
