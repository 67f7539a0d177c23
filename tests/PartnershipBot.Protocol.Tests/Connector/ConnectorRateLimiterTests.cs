using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Testing;

namespace PartnershipBot.Protocol.Tests.Connector;

/// <summary>
/// The per-tenant ceiling counts like Teams: at most N requests start in any one second (plus the jitter margin),
/// on the test's clock, whichever conversations they go to; another tenant has its own count.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class ConnectorRateLimiterTests
{
    [Fact]
    public async Task WaitAsync_BeyondTheTenantCeiling_WaitsUntilTheOldestRequestIsASecondOld()
    {
        var time = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(perTenantPerSecond: 2, time: time);
        await limiter.WaitAsync("tenant", "a:chat-1", CancellationToken.None);
        await limiter.WaitAsync("tenant", "a:chat-2", CancellationToken.None);

        var third = limiter.WaitAsync("tenant", "a:chat-3", CancellationToken.None).AsTask();
        await limiter.WaitAsync("other-tenant", "a:chat-4", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var heldAtOneSecond = third.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(60));

        Assert.False(heldAtOneSecond);
        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_RequestsSpreadOverMoreThanASecond_AreNotHeld()
    {
        var time = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(perTenantPerSecond: 2, time: time);
        await limiter.WaitAsync("tenant", "a:chat-1", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(600));
        await limiter.WaitAsync("tenant", "a:chat-2", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(600));

        var third = limiter.WaitAsync("tenant", "a:chat-3", CancellationToken.None).AsTask();

        Assert.True(third.IsCompleted);
        await third;
    }

    [Fact]
    public async Task WaitAsync_AnEighthSendToOneConversationInASecond_WaitsForTheFirstToLeaveTheWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(time: time);
        await SendAsync(limiter, "a:busy", 7);

        var eighth = limiter.WaitAsync("tenant", "a:busy", CancellationToken.None).AsTask();
        var another = limiter.WaitAsync("tenant", "a:quiet", CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        var heldAtOneSecond = eighth.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(60));

        Assert.True(another.IsCompleted);
        Assert.False(heldAtOneSecond);
        await eighth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_ASixtyFirstSendToOneConversationIn30Seconds_WaitsUntilTheFirstIs30SecondsOld()
    {
        var time = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(time: time);
        for (var second = 0; second < 10; second++)
        {
            await SendAsync(limiter, "a:busy", 6);
            time.Advance(TimeSpan.FromSeconds(1.1));
        }

        // 60 sent in 11 seconds, never 7 in one: only the 30-second limit holds the next.
        var next = limiter.WaitAsync("tenant", "a:busy", CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromSeconds(11));
        var heldAt30Seconds = next.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(60));

        Assert.False(heldAt30Seconds);
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_AConversationBackAfterItsWindowsWereSweptAway_IsCountedAfresh_AndStillLimited()
    {
        var time = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(time: time);
        await SendAsync(limiter, "a:returning", 7);

        // Long enough idle for a sweep to drop its windows (the other conversation's send triggers the sweep).
        time.Advance(TimeSpan.FromSeconds(45));
        await SendAsync(limiter, "a:other", 1);
        await SendAsync(limiter, "a:returning", 7);
        var eighth = limiter.WaitAsync("tenant", "a:returning", CancellationToken.None).AsTask();

        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task SendAsync(ConnectorRateLimiter limiter, string conversation, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var permit = limiter.WaitAsync("tenant", conversation, CancellationToken.None);
            Assert.True(permit.IsCompleted, $"send {i + 1} to {conversation} was held");
            await permit;
        }
    }
}
