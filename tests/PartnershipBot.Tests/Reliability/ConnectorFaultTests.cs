using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Testing;
using Xunit.Abstractions;

namespace PartnershipBot.Tests.Reliability;

/// <summary>
/// The Connector fails 30% of calls (429, 503 and dropped connections, seeded) during a fan-out. Retries
/// honour Retry-After and back off, and each person still gets exactly one reminder, with every outbox row recorded
/// as sent. (The dropped connection here is a request that never arrived; one lost after Teams accepted it would be
/// a duplicate, which is what the process-kill test counts.)
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ConnectorFaultTests(ITestOutputHelper output)
{
    private const int People = 200;

    [Fact]
    public async Task A_fan_out_through_a_flaky_connector_reaches_everyone_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var connector = await TeamsLimitsConnector.StartAsync(new TeamsLimits
        {
            FaultRate = 0.3,
            FaultRetryAfterSeconds = 0,
            Faults = [ConnectorFault.Throttle, ConnectorFault.Unavailable, ConnectorFault.Timeout],
        });
        // The hosted loop polls once at start, then is parked, so this test drives the dispatcher and knows when it
        // is done (should that first poll still overlap the seeding, the claims keep the two from sharing a reminder).
        await using var host = await FanOutHost.StartAsync(new Dictionary<string, string>(database.Settings) { ["Reminders:PollInterval"] = "1.00:00:00" });
        await FanOutHost.SeedAsync(database.Factory(), connector, People);

        var claimed = await host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("fault-test", CancellationToken.None);
        var states = await FanOutHost.SettledStatesAsync(database.Factory());

        var tally = ReminderFanOut.Tally(connector, People);
        output.WriteLine($"claimed {claimed}, faults injected {connector.InjectedFaults}, ceiling 429s {connector.Throttled}, {tally}");
        Assert.True(connector.InjectedFaults > People / 10, $"only {connector.InjectedFaults} faults were injected");
        Assert.Equal(new FanOutTally(People, 0, 0, 0), tally);
        Assert.Equal(new Dictionary<string, int> { ["sent"] = People }, states);
    }
}
