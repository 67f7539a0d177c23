using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Reminders;

/// <summary>
/// Reminders addressed to people: delivered in their 1:1 chat with the bot (created through the loopback
/// Connector when the bot has never chatted with them), marked late when the bot was down, and a digest to the
/// secretariat naming whoever could not be reached.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class PersonalReminderTests : ChatTest
{
    private const string Board = "Richmond Community Safety Partnership Strategy Group";
    private const string Tenant = "00000000-0000-0000-0000-0000000000e1";
    private const string PersonalFixtureUser = "00000000-0000-0000-0000-000000000a01";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Reminders:PollInterval"] = "1.00:00:00" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SayInChannelAsync($"link this to {Board}");
        await SayInPersonalChatAsync("hello");
        await Connector.WaitForActivitiesAsync(2);
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        await directory.UpsertPersonAsync(new PersonRecord("member-new", "29:member-new", "Nia New", null, false), time.GetUtcNow(), CancellationToken.None);
        await directory.UpsertPersonAsync(new PersonRecord("member-unknown", null, "Uma Unknown", null, false), time.GetUtcNow(), CancellationToken.None);
        await directory.UpsertPersonAsync(new PersonRecord("secretary", "29:secretary", "Sol Secretary", null, false), time.GetUtcNow(), CancellationToken.None);
        await directory.AssignRoleAsync(Board, "secretary", BoardRole.Secretariat, "test", time.GetUtcNow(), CancellationToken.None);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);

    [Fact]
    public async Task People_are_reached_in_their_1_1_chat_and_the_secretariat_hears_who_was_not()
    {
        await QueueAsync("member-new", time.GetUtcNow());
        await QueueAsync(PersonalFixtureUser, time.GetUtcNow());
        await QueueAsync("member-unknown", time.GetUtcNow());

        await Dispatcher().DispatchDueAsync("test", CancellationToken.None);

        // The bot had never chatted with Nia: it created the chat (bot and tenant from the board's channel) and posted there.
        var create = Assert.Single(Connector.Calls, c => c.Method == "POST" && c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal) && c.Body.Contains("29:member-new", StringComparison.Ordinal));
        var parameters = JsonNode.Parse(create.Body)!;
        Assert.Equal(Tenant, (string?)parameters["tenantId"]);
        Assert.Equal("28:00000000-0000-0000-0000-00000000b075", (string?)parameters["bot"]!["id"]);
        Assert.Contains(Connector.Calls, c => c.Path.Contains(Uri.EscapeDataString("a:1on1-29:member-new") + "/activities", StringComparison.Ordinal));
        // The fixture user already talks to the bot 1:1: that chat is used, nothing created.
        Assert.Contains(Connector.Calls, c => c.Path.Contains(Uri.EscapeDataString("a:1fake-personal-conversation-0001") + "/activities", StringComparison.Ordinal));
        // Uma has no Teams id: not reachable, and the digest (in the secretary's newly created 1:1) says so.
        var digestCall = Connector.Calls.Single(c => c.Path.Contains(Uri.EscapeDataString("a:1on1-29:secretary") + "/activities", StringComparison.Ordinal));
        var digest = TextOf(JsonNode.Parse(digestCall.Body)!["attachments"]![0]!["content"]);
        Assert.Contains("Uma Unknown", digest, StringComparison.Ordinal);
        Assert.Contains("they have never used the bot", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Nia New", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_reminder_reuses_the_chat_and_nothing_is_sent_twice()
    {
        await QueueAsync("member-new", time.GetUtcNow());
        await Dispatcher().DispatchDueAsync("test", CancellationToken.None);
        await QueueAsync("member-new", time.GetUtcNow(), kind: "minutes");

        await Dispatcher().DispatchDueAsync("test", CancellationToken.None);
        await Dispatcher().DispatchDueAsync("test", CancellationToken.None);

        Assert.Single(Connector.Calls, c => c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal(2, Connector.Calls.Count(c => c.Path.Contains(Uri.EscapeDataString("a:1on1-29:member-new") + "/activities", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_reminder_due_while_the_bot_was_down_goes_out_on_start_marked_late()
    {
        var id = await QueueAsync("member-new", time.GetUtcNow().AddHours(-3));

        await Dispatcher().DispatchDueAsync("test", CancellationToken.None);

        var sent = Connector.Calls.Single(c => c.Path.Contains(Uri.EscapeDataString("a:1on1-29:member-new") + "/activities", StringComparison.Ordinal));
        Assert.Contains("Sent late: this was due at 06:00 UTC 1 Dec 2026", TextOf(JsonNode.Parse(sent.Body)!["attachments"]![0]!["content"]), StringComparison.Ordinal);
        Assert.Equal(ReminderOutcome.SentLate, (await Host.Services.GetRequiredService<IReminderOutbox>().FindAsync(id, CancellationToken.None))!.LastOutcome);
    }

    private ReminderDispatcher Dispatcher() => Host.Services.GetRequiredService<ReminderDispatcher>();

    private async Task<string> QueueAsync(string person, DateTimeOffset due, string kind = "papers")
    {
        var id = Guid.NewGuid().ToString("N");
        var payload = JsonSerializer.Serialize(new { meetingId = "m1", boardName = Board, kind, deadline = "2026-12-03", meetingDate = "2026-12-08", rule = "3 working days before the meeting" });
        await Host.Services.GetRequiredService<IReminderOutbox>().EnqueueAsync(new ReminderRecord(id, $"test/{person}/{kind}", Board, person, kind, due, payload), CancellationToken.None);
        return id;
    }
}
