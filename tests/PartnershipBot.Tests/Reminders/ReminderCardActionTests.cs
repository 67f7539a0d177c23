using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Reminders;

/// <summary>
/// The papers reminder's buttons, pressed through /api/messages as Teams would: the card answers in place with the
/// presser's own state, each action is stored once against the authenticated person, and the side effects
/// (secretariat notice, apology, next-day reminder) go through the real SQLite store and the loopback Connector.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ReminderCardActionTests : ChatTest
{
    private const string Board = "Richmond Community Safety Partnership Strategy Group";
    private const string NoLateBoard = "Peterborough Community Cohesion Strategy and Performance Management Board";
    private const string RemindCommand = "remind everyone about papers for the next meeting";

    // The fixtures' user: their Entra id is on every fixture activity, and their personal chat is fixture 01.
    private const string Avery = "00000000-0000-0000-0000-000000000a01";
    private const string AveryTeamsId = "29:1fake-user-0001-AbCdEfGhIjKlMnOpQrStUvWxYz";

    private static readonly DateTimeOffset Meeting = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);

    // Tuesday 1 December 2026, 09:01 in London (GMT).
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 9, 1, 0, TimeSpan.Zero));

    // The host's own dispatch loop would race the tests for due reminders; tests dispatch explicitly.
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Reminders:PollInterval"] = "1.00:00:00" };

    private IBoardDirectory Directory => Host.Services.GetRequiredService<IBoardDirectory>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SayInChannelAsync($"link this to {Board}");
        await Connector.WaitForActivitiesAsync(1);
        await AddMeetingAsync(Board, "richmond/2026-12-08", Meeting);
        await AddPersonAsync(Avery, AveryTeamsId, "Avery Example", BoardRole.Member);
        await AddPersonAsync("aad-ben", "29:ben", "Ben Brown", BoardRole.Member);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);

    [Fact]
    public async Task Paper_submitted_shows_who_and_when_is_kept_once_and_others_still_see_their_own_card()
    {
        var card = await SendPapersReminderAsync();

        var (status, first) = await PressAsync(card, ReminderCards.DoneVerb, Avery, "Avery Example");
        time.Advance(TimeSpan.FromMinutes(5));
        var (_, again) = await PressAsync(card, ReminderCards.DoneVerb, Avery, "Avery Example");
        var (_, bens) = await PressAsync(card, ReminderCards.ViewVerb, "aad-ben", "Ben Brown");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Paper submitted by Avery Example at 09:01 on Tuesday 1 December (UK time).", TextOf(first), StringComparison.Ordinal);
        Assert.DoesNotContain(ReminderCards.DoneVerb, first.ToJsonString(), StringComparison.Ordinal);
        // Nothing left to be reminded of once the paper is in.
        Assert.DoesNotContain(ReminderCards.SnoozeVerb, first.ToJsonString(), StringComparison.Ordinal);
        // A second press (or a Teams retry) keeps the first time.
        Assert.Contains("at 09:01 on Tuesday 1 December", TextOf(again), StringComparison.Ordinal);
        Assert.Single(await Host.Services.GetRequiredService<IReminderResponses>().OfPersonAsync(ReminderIdOf(card), Avery, CancellationToken.None));
        // Ben's refreshed view has no state of Avery's and still offers every button.
        Assert.DoesNotContain("Paper submitted by", TextOf(bens), StringComparison.Ordinal);
        Assert.Equal(["Paper submitted", "I need more time", "Send apologies", "Remind me tomorrow"], Buttons(bens));
        // Every view keeps refreshing per person for the board's known people.
        Assert.Equal([AveryTeamsId, "29:ben"], first["refresh"]!["userIds"]!.AsArray().Select(id => (string)id!).Order());
    }

    [Fact]
    public async Task Paper_submitted_on_the_papers_reminder_marks_the_owners_agenda_items_in_and_no_one_elses()
    {
        var store = Host.Services.GetRequiredService<IAgendaStore>();
        AgendaItem Owned(string title, string? owner) => new(Guid.NewGuid().ToString("N"), Board, "richmond/2026-12-08", 0, title, "Someone", owner, false, null, false, "sec", time.GetUtcNow());
        await store.AddAsync(Owned("Hate crime update", Avery), CancellationToken.None);
        await store.AddAsync(Owned("Budget monitoring", "aad-ben"), CancellationToken.None);
        var card = await SendPapersReminderAsync();

        var (_, pressed) = await PressAsync(card, ReminderCards.DoneVerb, Avery, "Avery Example");

        var items = await store.ForMeetingAsync("richmond/2026-12-08", CancellationToken.None);
        Assert.Equal(time.GetUtcNow(), items.Single(i => i.Title == "Hate crime update").PaperSubmittedAt);
        Assert.Null(items.Single(i => i.Title == "Budget monitoring").PaperSubmittedAt);
        Assert.Contains("Marked in on the agenda: “Hate crime update”.", TextOf(pressed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_in_the_channel_refreshes_per_person_for_the_boards_people_up_to_Teams_limit()
    {
        for (var i = 0; i < 70; i++)
        {
            await AddPersonAsync($"aad-m{i}", $"29:m{i}", $"Member {i}", BoardRole.Member);
        }

        var card = await SendPapersReminderAsync();

        Assert.Equal(ReminderCards.ViewVerb, (string?)card["refresh"]!["action"]!["verb"]);
        Assert.Equal(60, card["refresh"]!["userIds"]!.AsArray().Count);
        Assert.Equal(["reminderId"], card["refresh"]!["action"]!["data"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task The_acting_person_comes_from_the_activity_never_from_the_card()
    {
        var card = await SendPapersReminderAsync();

        // A forged card naming Ben records nothing for Ben: the apology is Avery's, who sent the activity.
        var (_, forged) = await PressAsync(card, ReminderCards.ApologiesVerb, Avery, "Avery Example", data =>
        {
            data["personId"] = "aad-ben";
            data["aadObjectId"] = "aad-ben";
            data["meetingId"] = "someone-elses-meeting";
        });
        var (_, anonymous) = await PressAsync(card, ReminderCards.DoneVerb, person: null, "Nobody");

        var apologies = await Host.Services.GetRequiredService<IMeetingApologies>().ForMeetingAsync("richmond/2026-12-08", CancellationToken.None);
        Assert.Equal(Avery, Assert.Single(apologies).PersonId);
        Assert.Contains("Apologies from Avery Example", TextOf(forged), StringComparison.Ordinal);
        Assert.Empty(await Host.Services.GetRequiredService<IMeetingApologies>().ForMeetingAsync("someone-elses-meeting", CancellationToken.None));
        Assert.Contains("I can't tell who you are", TextOf(anonymous), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_apologies_is_recorded_once_for_the_meeting_and_the_next_meeting_answer_counts_it()
    {
        var card = await SendPapersReminderAsync();

        var (_, sent) = await PressAsync(card, ReminderCards.ApologiesVerb, Avery, "Avery Example");
        await PressAsync(card, ReminderCards.ApologiesVerb, Avery, "Avery Example");
        await PressAsync(card, ReminderCards.ApologiesVerb, "aad-ben", "Ben Brown");
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync("when is the next meeting?");

        Assert.Contains("Apologies from Avery Example for the meeting on Tuesday 8 December 2026 recorded at 09:01 on Tuesday 1 December.", TextOf(sent), StringComparison.Ordinal);
        Assert.DoesNotContain("Send apologies", Buttons(sent));
        var apologies = await Host.Services.GetRequiredService<IMeetingApologies>().ForMeetingAsync("richmond/2026-12-08", CancellationToken.None);
        Assert.Equal([Avery, "aad-ben"], apologies.Select(a => a.PersonId));
        var answer = (await Connector.WaitForActivitiesAsync(before + 1))[before].Text;
        Assert.Contains("2 apologies received so far.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_me_tomorrow_queues_the_reminder_to_the_person_at_09_00_on_the_next_working_day_once_a_day()
    {
        var card = await SendPapersReminderAsync();
        // The person has chatted with the bot, so the reminder can reach their 1:1 chat.
        await SayInPersonalChatAsync("hello");
        var outbox = Host.Services.GetRequiredService<IReminderOutbox>();

        var (_, snoozed) = await PressAsync(card, ReminderCards.SnoozeVerb, Avery, "Avery Example");
        await PressAsync(card, ReminderCards.SnoozeVerb, Avery, "Avery Example");

        Assert.Contains("I'll remind Avery Example again at 09:00 on Wednesday 2 December 2026.", TextOf(snoozed), StringComparison.Ordinal);
        Assert.Empty(await outbox.ClaimDueAsync("probe", new DateTimeOffset(2026, 12, 2, 8, 59, 0, TimeSpan.Zero), TimeSpan.FromSeconds(1), 10, CancellationToken.None));

        // At 09:00 London the next working day exactly one copy goes to the person's own chat, without a refresh.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 30, TimeSpan.Zero));
        var before = Connector.SentActivities.Count;
        Assert.Equal(1, await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None));
        var personal = Connector.SentActivities.Skip(before).Single(a => a.Attachments is { Count: > 0 });
        Assert.Contains("a%3A1fake-personal-conversation-0001", Connector.Calls.Last(c => c.Path.Contains("/activities", StringComparison.Ordinal)).Path, StringComparison.Ordinal);
        Assert.Contains("Papers due", TextOf(CardOf(personal)), StringComparison.Ordinal);
        Assert.Null(CardOf(personal)["refresh"]);

        // Pressed again on the next day, it comes back the day after: one per reminder, person and day.
        await PressAsync(card, ReminderCards.SnoozeVerb, Avery, "Avery Example");
        await PressAsync(CardOf(personal), ReminderCards.SnoozeVerb, Avery, "Avery Example");
        var thursday = await outbox.ClaimDueAsync("probe", new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(1), 10, CancellationToken.None);
        Assert.Equal(Avery, Assert.Single(thursday).Recipient);
    }

    [Fact]
    public async Task I_need_more_time_tells_the_secretariat_once_through_the_outbox()
    {
        await AddPersonAsync("aad-sam", "29:sam", "Sam Secretary", BoardRole.Secretariat);
        var card = await SendPapersReminderAsync();

        var (_, asked) = await PressAsync(card, ReminderCards.MoreTimeVerb, Avery, "Avery Example");
        await PressAsync(card, ReminderCards.MoreTimeVerb, Avery, "Avery Example");

        Assert.Contains("Avery Example asked for more time at 09:01 on Tuesday 1 December; the secretariat (Sam Secretary) has been sent a notice in their chat with me.", TextOf(asked), StringComparison.Ordinal);
        Assert.DoesNotContain("late reports", TextOf(asked), StringComparison.Ordinal);
        var notices = await Host.Services.GetRequiredService<IReminderOutbox>().ClaimDueAsync("probe", time.GetUtcNow(), TimeSpan.FromSeconds(1), 10, CancellationToken.None);
        var notice = Assert.Single(notices);
        Assert.Equal(("aad-sam", SecretariatNotices.MoreTimeKind), (notice.Recipient, notice.Kind));
        Assert.Contains("Avery Example needs more time for their paper for the meeting on Tuesday 8 December 2026.",
            TextOf((await Host.Services.GetRequiredService<ReminderCardCatalog>().RenderAsync(notice, CancellationToken.None)).ToJson()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task I_need_more_time_with_no_secretariat_goes_to_the_channel_it_was_pressed_in_not_an_older_link_and_says_so()
    {
        // The board was linked to a group chat long before its channel: the oldest link used to get the notice.
        await Directory.LinkAsync(new ConversationBoardLink("19:old-board-chat@thread.v2", Board, "admin", time.GetUtcNow().AddDays(-90)), CancellationToken.None);
        var card = await SendPapersReminderAsync();

        var (_, asked) = await PressAsync(card, ReminderCards.MoreTimeVerb, Avery, "Avery Example");
        var (_, again) = await PressAsync(card, ReminderCards.MoreTimeVerb, Avery, "Avery Example");

        const string Said = "Avery Example asked for more time at 09:01 on Tuesday 1 December; no secretariat is recorded, so the notice was posted in this channel";
        Assert.Contains(Said, TextOf(asked), StringComparison.Ordinal);
        Assert.Contains(Said, TextOf(again), StringComparison.Ordinal);
        Assert.Contains("make @name the secretariat", TextOf(asked), StringComparison.Ordinal);
        var notices = await Host.Services.GetRequiredService<IReminderOutbox>().ClaimDueAsync("probe", time.GetUtcNow(), TimeSpan.FromSeconds(1), 10, CancellationToken.None);
        Assert.Equal(("19:fake-channel-0001@thread.tacv2", SecretariatNotices.MoreTimeKind), (Assert.Single(notices).Recipient, notices[0].Kind));
    }

    [Fact]
    public async Task I_need_more_time_with_no_secretariat_and_no_linked_conversation_says_nobody_was_told()
    {
        var card = await SendPapersReminderAsync();
        await Directory.UnlinkAsync("19:fake-channel-0001@thread.tacv2", "admin", time.GetUtcNow(), CancellationToken.None);

        var (_, asked) = await PressAsync(card, ReminderCards.MoreTimeVerb, Avery, "Avery Example");

        Assert.Contains("nobody has been told: please tell the chair or secretariat yourself.", TextOf(asked), StringComparison.Ordinal);
        Assert.Empty(await Host.Services.GetRequiredService<IReminderOutbox>().ClaimDueAsync("probe", time.GetUtcNow(), TimeSpan.FromSeconds(1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task I_need_more_time_quotes_the_ToR_clause_when_late_reports_are_not_permitted()
    {
        await SayInChannelAsync($"link this to {NoLateBoard}");
        await AddMeetingAsync(NoLateBoard, "peterborough/2026-12-15", new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.Zero));
        var card = await SendPapersReminderAsync();

        var (_, asked) = await PressAsync(card, ReminderCards.MoreTimeVerb, Avery, "Avery Example");

        const string Clause = "“This information and the agenda will be circulated at least one week before the meeting and no late reports will be permitted.”";
        Assert.Contains($"the {NoLateBoard} Terms of Reference do not permit late reports: {Clause}", TextOf(asked), StringComparison.Ordinal);
        // With no secretariat recorded, the notice goes to the board's conversation, quoting the rule too.
        await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None);
        var notice = TextOf(CardOf(Connector.SentActivities[^1]));
        Assert.Contains("More time requested", notice, StringComparison.Ordinal);
        Assert.Contains(Clause, notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Papers_reminder_now_is_queued_once_a_day_and_says_when_there_is_no_meeting()
    {
        await SendPapersReminderAsync();
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync(RemindCommand);
        await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None);
        await SayInChannelAsync("link this to Thurrock Community Safety Partnership Strategic Board");
        await SayInChannelAsync(RemindCommand);

        var replies = await Connector.WaitForActivitiesAsync(before + 3);
        Assert.Equal(before + 3, Connector.SentActivities.Count);
        Assert.Contains("The papers reminder for the meeting on **Tuesday 8 December 2026** has already been sent today.", replies[before].Text, StringComparison.Ordinal);
        Assert.Contains("No meetings of the Thurrock Community Safety Partnership Strategic Board are scheduled", replies[before + 2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_on_a_reminder_that_does_not_exist_says_so_on_the_card()
    {
        var card = await SendPapersReminderAsync();
        card["actions"]![0]!["data"]!["reminderId"] = "no-such-reminder";

        var (status, body) = await PressAsync(card, ReminderCards.DoneVerb, Avery, "Avery Example");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This reminder is no longer available", TextOf(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_minutes_reminder_refuses_apologies_and_more_time_even_from_a_forged_card()
    {
        var payload = new ReminderPayload("richmond/2026-12-08", Board, DeadlineKind.Minutes, "2026-12-22", "2026-12-08", "10 working days after the meeting");
        var minutes = new ReminderRecord("minutes-1", "richmond/2026-12-08/minutes/2026-12-22", Board, ChannelConversation, "minutes", time.GetUtcNow(), ReminderPayloads.Write(payload));
        await Host.Services.GetRequiredService<IReminderOutbox>().EnqueueAsync(minutes, CancellationToken.None);
        var card = ReminderCards.Reminder(payload, "minutes-1").ToJson();
        Assert.Equal(["Minutes sent", "Remind me tomorrow"], Buttons(card));
        // A tampered client adds the buttons the card does not offer.
        card["actions"]!.AsArray().Add(new JsonObject { ["type"] = "Action.Execute", ["title"] = "x", ["verb"] = ReminderCards.ApologiesVerb, ["data"] = new JsonObject { ["reminderId"] = "minutes-1" } });

        var (_, refused) = await PressAsync(card, ReminderCards.ApologiesVerb, Avery, "Avery Example");
        var (_, sent) = await PressAsync(card, ReminderCards.DoneVerb, Avery, "Avery Example");

        Assert.Equal("UnknownAction", (string?)refused["code"]);
        Assert.Empty(await Host.Services.GetRequiredService<IMeetingApologies>().ForMeetingAsync("richmond/2026-12-08", CancellationToken.None));
        Assert.Contains("Minutes sent by Avery Example at 09:01 on Tuesday 1 December (UK time).", TextOf(sent), StringComparison.Ordinal);
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task Every_reminder_card_passes_the_official_schema_and_renderer()
    {
        await AddPersonAsync("aad-sam", "29:sam", "Sam Secretary", BoardRole.Secretariat);
        var card = await SendPapersReminderAsync();
        var (_, done) = await PressAsync(card, ReminderCards.DoneVerb, Avery, "Avery Example");
        var (_, apologies) = await PressAsync(card, ReminderCards.ApologiesVerb, Avery, "Avery Example");
        var (_, snoozed) = await PressAsync(card, ReminderCards.SnoozeVerb, Avery, "Avery Example");
        var (_, moreTime) = await PressAsync(card, ReminderCards.MoreTimeVerb, "aad-ben", "Ben Brown");
        var notice = (await Host.Services.GetRequiredService<IReminderOutbox>().ClaimDueAsync("probe", time.GetUtcNow(), TimeSpan.FromSeconds(1), 10, CancellationToken.None))
            .Single(r => r.Kind == SecretariatNotices.MoreTimeKind);
        var payload = new ReminderPayload("m", Board, DeadlineKind.Minutes, "2026-12-22", "2026-12-08", "10 working days after the meeting");

        await CardContracts.AssertValidAsync(
            ("reminder-papers", card),
            ("reminder-done", done),
            ("reminder-apologies", apologies),
            ("reminder-snoozed", snoozed),
            ("reminder-more-time", moreTime),
            ("reminder-more-time-late", ReminderCards.Reminder(payload with { Kind = DeadlineKind.Papers }, "r", note: "Please note: late reports are not permitted.").ToJson()),
            ("reminder-minutes", ReminderCards.Reminder(payload, "r").ToJson()),
            ("reminder-unavailable", ReminderCards.Unavailable().ToJson()),
            ("reminder-secretariat-notice", (await Host.Services.GetRequiredService<ReminderCardCatalog>().RenderAsync(notice, CancellationToken.None)).ToJson()));
    }

    /// <summary>Says the "send now" command in the channel, dispatches, and returns the reminder card posted there.</summary>
    private async Task<JsonNode> SendPapersReminderAsync()
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync(RemindCommand);
        var reply = (await Connector.WaitForActivitiesAsync(before + 1))[before];
        Assert.Contains("Sending the papers reminder for the meeting on", reply.Text, StringComparison.Ordinal);
        await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None);
        var sent = (await Connector.WaitForActivitiesAsync(before + 2))[before + 1];
        Assert.Contains(Uri.EscapeDataString(ChannelConversation.Split(';')[0]), Connector.Calls.Last(c => c.Path.Contains("/activities", StringComparison.Ordinal)).Path, StringComparison.Ordinal);
        return CardOf(sent);
    }

    /// <summary>
    /// Presses a button of <paramref name="card"/> (or, for the view verb, its refresh) as <paramref name="person"/>
    /// (no Entra id when null) in the channel; <paramref name="forge"/> edits the data as a tampered client could.
    /// Returns the invoke response's status and its card (or message).
    /// </summary>
    private async Task<(HttpStatusCode Status, JsonNode Body)> PressAsync(JsonNode card, string verb, string? person, string name, Action<JsonObject>? forge = null)
    {
        var action = verb == ReminderCards.ViewVerb ? card["refresh"]!["action"]! : card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == verb)!;
        var data = action["data"]!.DeepClone().AsObject();
        forge?.Invoke(data);
        var activity = Activity("08-invoke-adaptivecard-action-execute.json", a =>
        {
            a["conversation"] = new JsonObject { ["id"] = ChannelConversation, ["conversationType"] = "channel" };
            a["from"] = person is null ? new JsonObject { ["id"] = "29:anonymous", ["name"] = name } : new JsonObject { ["id"] = $"29:{person}", ["name"] = name, ["aadObjectId"] = person };
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = verb == ReminderCards.ViewVerb ? "automatic" : "manual" };
        });
        using var response = await PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, body["value"]!);
    }

    private static string ReminderIdOf(JsonNode card) => (string)card["actions"]![0]!["data"]!["reminderId"]!;

    private static List<string> Buttons(JsonNode card) => [.. card["actions"]!.AsArray().Select(a => (string)a!["title"]!)];

    private async Task AddMeetingAsync(string board, string id, DateTimeOffset start) =>
        await Host.Services.GetRequiredService<IMeetingStore>().AddAsync(new MeetingRecord(id, board, ChannelConversation, start, start.AddHours(2)), time.GetUtcNow(), CancellationToken.None);

    private async Task AddPersonAsync(string id, string teamsId, string name, BoardRole role)
    {
        await Directory.UpsertPersonAsync(new PersonRecord(id, teamsId, name, null, false), time.GetUtcNow(), CancellationToken.None);
        await Directory.AssignRoleAsync(Board, id, role, "admin", time.GetUtcNow(), CancellationToken.None);
    }
}
