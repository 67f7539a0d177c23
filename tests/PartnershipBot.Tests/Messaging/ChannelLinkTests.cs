using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Messaging;

/// <summary>
/// In a team channel every post is its own conversation (<c>…;messageid=…</c>). A link made in one
/// post holds for the whole channel, replies go to the post the person wrote in, proactive reminders start a new post
/// in the channel, and links stored per thread before this change are moved to their channel on start.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ChannelLinkTests : ChatTest
{
    private const string Channel = "19:fake-channel-0001@thread.tacv2";
    private const string SecondPost = Channel + ";messageid=1700000000099";
    private const string Thurrock = "Thurrock Community Safety Partnership Strategic Board";
    private const string Richmond = "Richmond Community Safety Partnership Strategy Group";

    // Tuesday 1 December 2026, 09:01 in London.
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 9, 1, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Reminders:PollInterval"] = "1.00:00:00" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);

    [Fact]
    public async Task A_link_made_in_one_post_holds_in_a_new_post_of_the_same_channel_and_the_reply_goes_to_that_post()
    {
        await SayInChannelAsync($"link this to {Thurrock}");
        await SayInChannelAsync("what's the quorum?", InPost(SecondPost));
        await SayInChannelAsync("which board is this?", InPost(SecondPost));

        var replies = await Connector.WaitForActivitiesAsync(3);
        Assert.Contains("50% of membership, plus one", replies[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Which board do you mean?", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains($"belongs to the **{Thurrock}**", replies[2].Text, StringComparison.Ordinal);
        // Each answer goes to the thread the question was asked in.
        var replyPaths = Connector.Calls.Where(c => c.Path.Contains("/activities", StringComparison.Ordinal)).Select(c => c.Path).ToList();
        Assert.Contains(Uri.EscapeDataString(ChannelConversation), replyPaths[0], StringComparison.Ordinal);
        Assert.All(replyPaths.Skip(1), p => Assert.Contains(Uri.EscapeDataString(SecondPost), p, StringComparison.Ordinal));
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        Assert.Equal(Thurrock, (await directory.FindLinkAsync(Channel, CancellationToken.None))?.BoardName);
        Assert.Null(await directory.FindLinkAsync(ChannelConversation, CancellationToken.None));
    }

    [Fact]
    public async Task Unlink_in_any_post_unlinks_the_channel()
    {
        await SayInChannelAsync($"link this to {Thurrock}");
        await SayInChannelAsync("unlink", InPost(SecondPost));
        await SayInChannelAsync("which board is this?");

        var replies = await Connector.WaitForActivitiesAsync(3);
        Assert.Contains($"no longer linked to the {Thurrock}", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("isn't linked to a board yet", replies[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_for_the_channel_is_posted_as_a_new_post_in_the_channel()
    {
        await SayInChannelAsync($"link this to {Richmond}");
        await Host.Services.GetRequiredService<IMeetingStore>().AddAsync(
            new MeetingRecord("richmond/2026-12-15", Richmond, Channel, new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 15, 12, 0, 0, TimeSpan.Zero)),
            time.GetUtcNow(), CancellationToken.None);
        await SayInChannelAsync("remind everyone about papers for the next meeting", InPost(SecondPost));
        var replies = await Connector.WaitForActivitiesAsync(2);
        Assert.Contains("Sending the papers reminder", replies[1].Text, StringComparison.Ordinal);

        await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None);

        var (channel, post) = Assert.Single(Connector.ChannelPosts);
        Assert.Equal(Channel, channel);
        Assert.Contains("Papers due", string.Join("\n", post.Attachments!.Select(a => a.Content!.Value.GetRawText())), StringComparison.Ordinal);
        // The command's own answer went to the post it was asked in, not as a new post.
        Assert.Contains(Uri.EscapeDataString(SecondPost), Connector.Calls.Last(c => c.Path.Contains("/activities", StringComparison.Ordinal)).Path, StringComparison.Ordinal);
        var reminderId = (string)JsonNode.Parse(post.Attachments![0].Content!.Value.GetRawText())!["actions"]![0]!["data"]!["reminderId"]!;
        Assert.Equal(Channel, (await Host.Services.GetRequiredService<IReminderOutbox>().FindAsync(reminderId, CancellationToken.None))?.Recipient);
    }

    [Fact]
    public async Task A_group_chat_and_a_personal_chat_keep_their_own_conversation_as_the_link()
    {
        using (var linked = await PostAsync(Activity("03-message-groupchat-mention.json", a => a["text"] = $"<at>PartnershipBot</at> link this to {Thurrock}")))
        {
            linked.EnsureSuccessStatusCode();
        }

        await SayInPersonalChatAsync($"link this to {Thurrock}");
        await Connector.WaitForActivitiesAsync(2);

        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        var group = (string)Activity("03-message-groupchat-mention.json")["conversation"]!["id"]!;
        var personal = (string)Activity("01-message-personal.json")["conversation"]!["id"]!;
        Assert.Equal([group, personal], await directory.LinkedConversationsAsync(Thurrock, CancellationToken.None));
    }

    [Fact]
    public async Task Links_references_and_reminders_stored_per_thread_move_to_their_channel_on_start()
    {
        // A database from before this change: a link, a reference and a pending reminder keyed by a thread.
        await SayInChannelAsync("hello");
        await Connector.WaitForActivitiesAsync(1);
        Host.KeepDataOnDispose = true;
        await Host.DisposeAsync();
        var path = Path.Combine(Host.DataDirectory, "partnershipbot.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                DELETE FROM conversation_references WHERE conversation_id = '{Channel}';
                INSERT INTO conversation_boards VALUES ('{Channel};messageid=1', 'Old board', 'admin', '2026-01-01T00:00:00.0000000+00:00');
                INSERT INTO conversation_boards VALUES ('{ChannelConversation}', '{Thurrock}', 'admin', '2026-02-01T00:00:00.0000000+00:00');
                INSERT INTO reminders (reminder_id, idempotency_key, board_key, recipient, kind, due_at, payload_json, state, updated_at)
                VALUES ('r1', 'k1', 'thurrock', '{ChannelConversation}', 'papers', '2026-12-01T09:00:00.0000000+00:00', '{"{}"}', 'pending', '2026-12-01T09:00:00.0000000+00:00');
                DELETE FROM schema_migrations WHERE version = 7;
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var restarted = new BotHostFactory(Settings, ConfigureServices, Host.DataDirectory) { KeepDataOnDispose = false };
        using var client = restarted.CreateClient();
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        health.EnsureSuccessStatusCode();

        var directory = restarted.Services.GetRequiredService<IBoardDirectory>();
        // The newest link in the channel wins; no thread keeps a link of its own.
        Assert.Equal(Thurrock, (await directory.FindLinkAsync(Channel, CancellationToken.None))?.BoardName);
        Assert.Equal([Channel], await directory.LinkedConversationsAsync(Thurrock, CancellationToken.None));
        Assert.Empty(await directory.LinkedConversationsAsync("Old board", CancellationToken.None));
        var reference = await restarted.Services.GetRequiredService<IConversationReferenceStore>().FindByConversationAsync(Channel, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal(Channel, JsonSerializer.Deserialize(reference.ReferenceJson, ProtocolJsonContext.Default.ConversationReference)!.Conversation!.Id);
        Assert.Equal(Channel, (await restarted.Services.GetRequiredService<IReminderOutbox>().FindAsync("r1", CancellationToken.None))?.Recipient);
    }

    /// <summary>The message arrives in another post (thread) of the same channel.</summary>
    private static Action<JsonObject> InPost(string conversationId) => a => a["conversation"]!["id"] = conversationId;
}
