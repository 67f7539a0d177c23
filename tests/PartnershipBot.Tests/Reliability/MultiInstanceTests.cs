using PartnershipBot.Testing;
using Xunit.Abstractions;

namespace PartnershipBot.Tests.Reliability;

/// <summary>
/// Three instances of the bot on one PostgreSQL database poll the same outbox at once. Claims take
/// disjoint rows (FOR UPDATE SKIP LOCKED), so every reminder is sent exactly once.
/// </summary>
[Trait(TestTier.Category, TestTier.Postgres)]
public sealed class MultiInstanceTests(ITestOutputHelper output)
{
    private const int People = 600;
    private const int Instances = 3;

    [PostgresFact]
    public async Task Three_instances_sharing_an_outbox_send_every_reminder_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        // Each instance keeps its own 50/s; the stub allows all three, since this is about claims, not throttling.
        await using var connector = await TeamsLimitsConnector.StartAsync(new TeamsLimits { AppPerSecond = 50 * Instances });
        await FanOutHost.SeedAsync(database.Factory(), connector, People);
        var settings = new Dictionary<string, string>(database.Settings) { ["Reminders:PollInterval"] = "00:00:00.100" };

        var hosts = await Task.WhenAll(Enumerable.Range(0, Instances).Select(_ => FanOutHost.StartAsync(settings)));
        try
        {
            Assert.True(await connector.WaitForDeliveredAsync(People, TimeSpan.FromSeconds(60)));
            // Give a stray second copy, if claims overlapped, time to arrive before counting.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        var tally = ReminderFanOut.Tally(connector, People);
        output.WriteLine($"{Instances} instances: {tally}; 429s {connector.Throttled}");
        Assert.Equal(new FanOutTally(People, 0, 0, 0), tally);
        Assert.Equal(new Dictionary<string, int> { ["sent"] = People }, await FanOutHost.StatesAsync(database.Factory()));
    }
}
