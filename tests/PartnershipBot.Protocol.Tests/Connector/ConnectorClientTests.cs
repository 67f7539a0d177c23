using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;

namespace PartnershipBot.Protocol.Tests.Connector;

/// <summary>The Connector client against a loopback Connector speaking the real REST shapes.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Conversation = "a:1fake-personal-conversation-0001";
    private LoopbackConnector connector = null!;
    private HttpClient http = null!;
    private ConnectorRateLimiter limiter = null!;

    public async Task InitializeAsync()
    {
        connector = await LoopbackConnector.StartAsync();
        http = new HttpClient();
        limiter = new ConnectorRateLimiter();
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task ReplyToActivity_PostsToTheEscapedPathUnderTheServiceUrlsOwnPath()
    {
        var result = await CreateClient().ReplyToActivityAsync(connector.ServiceUrl, Conversation, "1700000000001", Message("hello"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.StartsWith("sent-", result.Value!.Id, StringComparison.Ordinal);
        var call = Assert.Single(connector.Calls);
        Assert.Equal("/amer/v3/conversations/a%3A1fake-personal-conversation-0001/activities/1700000000001", call.Path);
        Assert.Equal("Bearer bot-token", call.Authorization);
        Assert.Equal("hello", Assert.Single(connector.SentActivities).Text);
    }

    [Fact]
    public async Task Send_429WithRetryAfter_IsRetriedAfterTheServersDelay()
    {
        connector.FailNext(429, retryAfterSeconds: "1");
        var watch = Stopwatch.StartNew();

        var result = await CreateClient().SendToConversationAsync(connector.ServiceUrl, Conversation, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, connector.Calls.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}, before Retry-After");
    }

    [Fact]
    public async Task Send_403MessageWritesBlocked_IsReportedAsBlockedAndNotRetried()
    {
        connector.FailNext(403, body: "{\"errorCode\":209,\"message\":\"{\\\"subCode\\\":\\\"MessageWritesBlocked\\\"}\"}");

        var result = await CreateClient().SendToConversationAsync(connector.ServiceUrl, Conversation, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Blocked, result.Outcome);
        Assert.Equal("MessageWritesBlocked", result.ErrorCode);
        Assert.Single(connector.Calls);
    }

    [Fact]
    public async Task Send_404_IsConversationNotFound()
    {
        connector.FailNext(404, body: "{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"gone\"}}");

        var result = await CreateClient().SendToConversationAsync(connector.ServiceUrl, Conversation, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.ConversationNotFound, result.Outcome);
        Assert.Equal("ConversationNotFound", result.ErrorCode);
        Assert.Single(connector.Calls);
    }

    [Fact]
    public async Task Send_413_IsMessageTooLarge()
    {
        connector.FailNext(413);

        var result = await CreateClient().SendToConversationAsync(connector.ServiceUrl, Conversation, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.MessageTooLarge, result.Outcome);
    }

    [Fact]
    public async Task Send_503EveryTime_GivesUpAfterTheConfiguredRetries()
    {
        for (var i = 0; i < 3; i++)
        {
            connector.FailNext(503);
        }

        var result = await CreateClient(maxRetries: 2).SendToConversationAsync(connector.ServiceUrl, Conversation, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.FailedAfterRetries, result.Outcome);
        Assert.Equal(3, connector.Calls.Count);
    }

    [Fact]
    public async Task GetPagedMembers_FollowsContinuationTokens()
    {
        for (var i = 0; i < 120; i++)
        {
            connector.Roster.Add(new ChannelAccount { Id = $"29:user-{i}", Name = $"User {i}", ObjectId = $"aad-{i}" });
        }

        var client = CreateClient();
        var members = new List<ChannelAccount>();
        string? token = null;
        do
        {
            var page = await client.GetPagedMembersAsync(connector.ServiceUrl, Conversation, 50, token, CancellationToken.None);
            members.AddRange(page.Value!.Members!);
            token = page.Value.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(120, members.Count);
        Assert.Equal(3, connector.Calls.Count);
        Assert.Equal("aad-119", members[^1].EntraObjectId);
    }

    [Fact]
    public async Task LocalMode_SendsNoAuthorizationHeader()
    {
        await CreateClient(token: null).SendToConversationAsync(connector.ServiceUrl, Conversation, Message("hi"), CancellationToken.None);

        Assert.Equal(string.Empty, Assert.Single(connector.Calls).Authorization);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net", "https://smba.trafficmanager.net/v3/conversations")]
    public void Join_KeepsTheServiceUrlPath(string serviceUrl, string expected) =>
        Assert.Equal(expected, ConnectorClient.Join(serviceUrl, "v3/conversations").ToString());

    private ConnectorClient CreateClient(int maxRetries = 3, string? token = "bot-token") =>
        new(http, new FixedToken(token), limiter,
            Options.Create(new ConnectorOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(20) }),
            TimeProvider.System, NullLogger<ConnectorClient>.Instance);

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private sealed class FixedToken(string? token) : IBotTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult(token);
    }
}
