using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Testing;

namespace PartnershipBot.Protocol.Tests.Connector;

/// <summary>The limiter the protocol registers runs on the container's clock, not the system's.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class ConnectorRegistrationTests
{
    [Fact]
    public async Task AddBotProtocol_RateLimiter_WaitsOnTheRegisteredTimeProvider()
    {
        var time = new FakeTimeProvider();
        var configuration = new ConfigurationBuilder().Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddBotProtocol(configuration)
            .BuildServiceProvider();
        var limiter = services.GetRequiredService<ConnectorRateLimiter>();

        // An hour's pause on the system clock would outlast the test; on the fake one it ends when the test says so.
        limiter.PauseFor(TimeSpan.FromHours(1));
        var send = limiter.WaitAsync("tenant", "a:chat", CancellationToken.None).AsTask();
        var heldBeforeTheHour = send.IsCompleted;
        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        Assert.False(heldBeforeTheHour);
        await send.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, limiter.Pauses);
    }
}
