using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Protocol.Connector;

namespace PartnershipBot.Protocol.Tests.Connector;

/// <summary>
/// The per-tenant ceiling counts like Teams: at most N requests start in any one second (plus the jitter margin),
/// on the test's clock, whichever conversations they go to; another tenant has its own count.
/// </summary>
public sealed class ConnectorRateLimiterTests
{
    [Fact]
    public async Task WaitAsync_BeyondTheTenantCeiling_WaitsUntilTheOldestRequestIsASecondOld()
    {
        var time = new FakeTimeProvider();
        using var limiter = new ConnectorRateLimiter(perTenantPerSecond: 2, time: time);
        using var first = await limiter.WaitAsync("tenant", "a:chat-1", CancellationToken.None);
        using var second = await limiter.WaitAsync("tenant", "a:chat-2", CancellationToken.None);

        var third = limiter.WaitAsync("tenant", "a:chat-3", CancellationToken.None).AsTask();
        using var otherTenant = await limiter.WaitAsync("other-tenant", "a:chat-4", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var heldAtOneSecond = third.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(60));

        Assert.False(heldAtOneSecond);
        using var released = await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_RequestsSpreadOverMoreThanASecond_AreNotHeld()
    {
        var time = new FakeTimeProvider();
        using var limiter = new ConnectorRateLimiter(perTenantPerSecond: 2, time: time);
        using var first = await limiter.WaitAsync("tenant", "a:chat-1", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(600));
        using var second = await limiter.WaitAsync("tenant", "a:chat-2", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(600));

        var third = limiter.WaitAsync("tenant", "a:chat-3", CancellationToken.None).AsTask();

        Assert.True(third.IsCompleted);
        (await third).Dispose();
    }
}
