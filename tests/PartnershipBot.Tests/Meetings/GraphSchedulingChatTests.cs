using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Infrastructure.Graph;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Meetings;

/// <summary>
/// From "schedule next year's meetings" in a team channel to Outlook events in a (loopback) Graph calendar, and
/// a member's "when is the next meeting?" answered from it; channel auth on, so roles matter. The real host,
/// the real Graph SDK, only the token issuers and Graph itself stand in.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class GraphSchedulingChatTests : AuthenticatedChatTest
{
    private const string Board = "Richmond Community Safety Partnership Strategy Group";
    private const string Chair = "00000000-0000-0000-0000-00000000c4a1";
    private const string Member = "00000000-0000-0000-0000-0000000000b2";
    private const string Mailbox = "secretariat@richmond.example";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private LoopbackGraph graph = null!;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Graph:BaseUrl"] = graph.BaseUrl.ToString(),
        ["Graph:OrganizerMailbox"] = Mailbox,
        ["Graph:SyncInterval"] = "1.00:00:00",
        ["Reminders:PollInterval"] = "1.00:00:00",
    };

    public override async Task InitializeAsync()
    {
        graph = await LoopbackGraph.StartAsync();
        await base.InitializeAsync();
        await SayAsync($"link this to {Board}", Admin);
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        await directory.UpsertPersonAsync(new PersonRecord(Chair, "29:chair", "Jane Chair", "jane.chair@richmond.example", false), time.GetUtcNow(), CancellationToken.None);
        await directory.UpsertPersonAsync(new PersonRecord(Member, "29:member", "Sam Member", "sam@police.example", true), time.GetUtcNow(), CancellationToken.None);
        await directory.AssignRoleAsync(Board, Chair, BoardRole.Chair, Admin, time.GetUtcNow(), CancellationToken.None);
        await directory.AssignRoleAsync(Board, Member, BoardRole.Member, Admin, time.GetUtcNow(), CancellationToken.None);
        await Connector.WaitForActivitiesAsync(1);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await graph.DisposeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(time);
        // Entra ID is the one thing not here: the credential hands out the token the loopback Graph expects.
        services.AddSingleton(new GraphCredential(new FakeGraphCredential()));
    }

    [Fact]
    public async Task The_chair_books_a_year_from_chat_and_a_member_gets_the_next_meeting_from_Outlook()
    {
        await SayAsync("schedule next year's meetings", Chair);
        var proposal = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);
        var (status, booked) = await PressAsync(proposal, MeetingCards.BookVerb, aadObjectId: Chair, bearerToken: Token());
        await SayAsync("when is the next meeting?", Member);

        Assert.Equal(HttpStatusCode.OK, status);
        var bookedText = TextOf(JsonNode.Parse(booked.GetProperty("value").GetRawText()));
        Assert.Contains("Booked 10 meeting(s)", bookedText, StringComparison.Ordinal);
        Assert.Contains($"Outlook, organised by {Mailbox}", bookedText, StringComparison.Ordinal);
        Assert.Contains("[Join the meeting](https://teams.microsoft.com/l/meetup-join/", bookedText, StringComparison.Ordinal);
        // "10 times per year" leaves gaps no recurrence expresses: ten single events, each a Teams meeting with the board invited.
        var created = graph.Created;
        Assert.Equal(10, created.Count);
        Assert.All(created, e => Assert.Null(e["recurrence"]));
        Assert.Equal(["jane.chair@richmond.example", "sam@police.example"], created[0]["attendees"]!.AsArray().Select(a => (string?)a!["emailAddress"]!["address"]).Order());
        Assert.Equal(10, created.Select(e => (string?)e["transactionId"]).Distinct().Count());
        var answer = (await Connector.WaitForActivitiesAsync(3))[2].Text!;
        Assert.Contains("The next meeting of the **Richmond Community Safety Partnership Strategy Group** is on Tuesday 8 December 2026, 10:00–12:00 (UK time).", answer, StringComparison.Ordinal);
        Assert.Contains("Join on Teams: https://teams.microsoft.com/l/meetup-join/", answer, StringComparison.Ordinal);
        Assert.Contains("Papers are due by **Thursday 3 December 2026**", answer, StringComparison.Ordinal);
        Assert.Contains($"From Outlook, organised by {Mailbox}", answer, StringComparison.Ordinal);
        Assert.Contains(graph.Calls, c => c.Path.Contains("/calendarView?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apologies_for_a_meeting_booked_in_Outlook_are_counted_in_the_next_meeting_answer()
    {
        await SayAsync("schedule the next 2 meetings", Chair);
        var proposal = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);
        await PressAsync(proposal, MeetingCards.BookVerb, aadObjectId: Chair, bearerToken: Token());
        var first = (await Host.Services.GetRequiredService<IMeetingStore>().UpcomingAsync(Board, time.GetUtcNow(), 1, CancellationToken.None))[0];
        await Host.Services.GetRequiredService<IMeetingApologies>().RecordAsync(new MeetingApology(first.MeetingId, Board, Member, "Sam Member", time.GetUtcNow()), CancellationToken.None);

        await SayAsync("when is the next meeting?", Member);

        var answer = (await Connector.WaitForActivitiesAsync(3))[2].Text!;
        Assert.Contains("Join on Teams: https://teams.microsoft.com/l/meetup-join/", answer, StringComparison.Ordinal);
        Assert.Contains("1 apology received so far.", answer, StringComparison.Ordinal);
        // Richmond's ToR sets no quorum, so there is no forecast to give.
        Assert.DoesNotContain("Quorum forecast", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quarterly_board_gets_one_series()
    {
        await SayAsync("link this to Thurrock Community Safety Partnership Strategic Board", Admin);
        await SayAsync("schedule next year's meetings", Admin);
        var proposal = CardOf((await Connector.WaitForActivitiesAsync(3))[2]);

        var (_, booked) = await PressAsync(proposal, MeetingCards.BookVerb, aadObjectId: Admin, bearerToken: Token());

        var series = Assert.Single(graph.Created);
        Assert.Equal("relativeMonthly", (string?)series["recurrence"]!["pattern"]!["type"]);
        Assert.Equal(3, (int)series["recurrence"]!["pattern"]!["interval"]!);
        Assert.Contains("as one recurring series", TextOf(JsonNode.Parse(booked.GetProperty("value").GetRawText())), StringComparison.Ordinal);
        var stored = await Host.Services.GetRequiredService<IMeetingStore>().UpcomingAsync("Thurrock Community Safety Partnership Strategic Board", time.GetUtcNow(), 10, CancellationToken.None);
        Assert.Equal(4, stored.Count);
        Assert.All(stored, m => Assert.Equal((string?)graph.Events[0]["id"], m.SeriesId));
    }

    [Fact]
    public async Task A_member_who_is_not_chair_or_secretariat_is_refused_politely_and_nothing_is_booked()
    {
        await SayAsync("schedule the next 2 meetings", Chair);
        var proposal = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);

        await SayAsync("schedule the next 2 meetings", Member);
        var (_, pressed) = await PressAsync(proposal, MeetingCards.BookVerb, aadObjectId: Member, bearerToken: Token());
        await SayAsync("cancel the 8 December meeting", Member);

        var replies = await Connector.WaitForActivitiesAsync(4);
        Assert.Contains("Only the chair, vice-chair or secretariat can schedule, move or cancel meetings", replies[2].Text, StringComparison.Ordinal);
        Assert.Contains("Only the chair, vice-chair or secretariat", pressed.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("Only the chair, vice-chair or secretariat", replies[3].Text, StringComparison.Ordinal);
        Assert.Empty(graph.Created);
    }

    [Fact]
    public async Task Changes_made_in_Outlook_are_picked_up_and_reminders_follow_them()
    {
        await SayAsync("schedule the next 2 meetings", Chair);
        var proposal = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);
        await PressAsync(proposal, MeetingCards.BookVerb, aadObjectId: Chair, bearerToken: Token());
        // Two consecutive second Tuesdays are one monthly series: its occurrences are what people move and delete.
        var events = graph.Events.Where(e => (string?)e["type"] == "occurrence").ToList();
        // Someone moves the December meeting a week later in Outlook and deletes the January one.
        graph.MoveInOutlook((string)events[0]["id"]!, new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 15, 16, 0, 0, TimeSpan.Zero));
        graph.DeleteInOutlook((string)events[1]["id"]!);

        var sync = Host.Services.GetServices<IHostedService>().OfType<CalendarSyncService>().Single();
        Assert.Equal(2, await sync.SyncOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sync.SyncOnceAsync(CancellationToken.None));

        // The invitation of the moved occurrence still gave 8 December's deadlines: rewritten with the new ones, once.
        var patch = Assert.Single(graph.Calls, c => c.Method == "PATCH");
        Assert.EndsWith((string)events[0]["id"]!, patch.Path, StringComparison.Ordinal);
        var body = (string)JsonNode.Parse(patch.Body)!["body"]!["content"]!;
        Assert.Contains("Papers deadline: Thursday 10 December 2026", body, StringComparison.Ordinal);
        Assert.Contains("Minutes deadline: Thursday 31 December 2026", body, StringComparison.Ordinal);
        Assert.DoesNotContain("3 December", body, StringComparison.Ordinal);

        var upcoming = Assert.Single(await Host.Services.GetRequiredService<IMeetingStore>().UpcomingAsync(Board, time.GetUtcNow(), 10, CancellationToken.None));
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.Zero), upcoming.StartsAt);
        var due = await Host.Services.GetRequiredService<IReminderOutbox>().ClaimDueAsync("probe", new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1), 50, CancellationToken.None);
        // The agenda pack follows the move with the papers reminder.
        Assert.Equal(["minutes/2026-12-31", "pack/2026-12-10", "papers/2026-12-10"], due.Select(r => r.IdempotencyKey[(r.IdempotencyKey.IndexOf("Z/", StringComparison.Ordinal) + 2)..]).Order());
    }

    [Fact]
    public async Task The_chair_moves_from_chat_and_Outlook_gets_the_new_time_and_the_new_deadlines_in_one_update()
    {
        await SayAsync("schedule the next 2 meetings", Chair);
        var proposal = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);
        await PressAsync(proposal, MeetingCards.BookVerb, aadObjectId: Chair, bearerToken: Token());
        var december = graph.Events.First(e => (string?)e["type"] == "occurrence");
        Assert.Contains("(UK working days)", (string?)graph.Created[0]["body"]!["content"], StringComparison.Ordinal);

        await SayAsync("move the 8 December meeting to 15 December", Chair);
        await Connector.WaitForActivitiesAsync(3);

        var patch = Assert.Single(graph.Calls, c => c.Method == "PATCH");
        Assert.EndsWith((string)december["id"]!, patch.Path, StringComparison.Ordinal);
        var sent = JsonNode.Parse(patch.Body)!;
        Assert.Equal("2026-12-15T10:00:00", (string?)sent["start"]!["dateTime"]);
        var body = (string)sent["body"]!["content"]!;
        Assert.Contains("Papers deadline: Thursday 10 December 2026", body, StringComparison.Ordinal);
        Assert.DoesNotContain("3 December", body, StringComparison.Ordinal);
        Assert.Equal(body, (string?)graph.Events.Single(e => (string?)e["id"] == (string)december["id"]!)["body"]!["content"]);
    }

    [Fact]
    public async Task The_chair_cancels_from_chat_and_Outlook_cancels_the_event()
    {
        await SayAsync("schedule the next 2 meetings", Chair);
        var proposal = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);
        await PressAsync(proposal, MeetingCards.BookVerb, aadObjectId: Chair, bearerToken: Token());

        await SayAsync("cancel the 8 December meeting", Chair);

        var reply = (await Connector.WaitForActivitiesAsync(3))[2].Text!;
        Assert.Contains("in Outlook; attendees get the cancellation", reply, StringComparison.Ordinal);
        Assert.Contains(graph.Calls, c => c.Method == "POST" && c.Path.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 10, 0, 0, TimeSpan.Zero), Assert.Single(await MeetingsInOutlookAsync()));
    }

    [Fact]
    public async Task When_Outlook_is_down_the_card_says_so_and_booking_again_is_safe()
    {
        await SayAsync("schedule the next 2 meetings", Chair);
        var proposal = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);
        graph.FailNext(403, retryAfterSeconds: null);

        var (_, failed) = await PressAsync(proposal, MeetingCards.BookVerb, aadObjectId: Chair, bearerToken: Token());
        var (_, retried) = await PressAsync(proposal, MeetingCards.BookVerb, aadObjectId: Chair, bearerToken: Token());

        Assert.Contains("isn't allowed to use the organiser mailbox", TextOf(JsonNode.Parse(failed.GetProperty("value").GetRawText())), StringComparison.Ordinal);
        Assert.Contains("Booked 2 meeting(s)", TextOf(JsonNode.Parse(retried.GetProperty("value").GetRawText())), StringComparison.Ordinal);
        Assert.Equal(2, (await MeetingsInOutlookAsync()).Count);
        Assert.Single(graph.Events, e => (string?)e["type"] == "seriesMaster");
    }

    /// <summary>The starts of the board's meetings in the Outlook calendar, as the bot reads them (series expanded).</summary>
    private async Task<IReadOnlyList<DateTimeOffset>> MeetingsInOutlookAsync() =>
        [.. (await Host.Services.GetRequiredService<IBoardCalendar>().ListAsync(Board, time.GetUtcNow(), time.GetUtcNow().AddYears(1), CancellationToken.None)).Select(e => e.Start)];

    protected override DateTimeOffset Now => time.GetUtcNow();
}
