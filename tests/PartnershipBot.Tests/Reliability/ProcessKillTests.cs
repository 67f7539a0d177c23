using PartnershipBot.Features.Reminders;
using PartnershipBot.Testing;
using Xunit.Abstractions;

namespace PartnershipBot.Tests.Reliability;

/// <summary>
/// The bot is killed (SIGKILL) in the middle of a fan-out and started again over the same data folder.
/// Nobody is missed. Delivery is at-least-once: a send in flight at the kill was accepted by Teams but never
/// recorded, so it goes again after the dead instance's lease runs out; at most one per parallel sender.
/// </summary>
[Trait(TestTier.Category, TestTier.ChildProcess)]
public sealed class ProcessKillTests(ITestOutputHelper output)
{
    private const int People = 300;
    private const int KillAfter = 80;

    [Fact]
    public async Task A_fan_out_killed_midway_finishes_after_a_restart_with_nobody_missed()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var connector = await TeamsLimitsConnector.StartAsync();
        await FanOutHost.SeedAsync(database.Factory(), connector, People);
        var settings = new Dictionary<string, string>(database.Settings)
        {
            ["Reminders:PollInterval"] = "00:00:00.200",
            // The restarted bot can't tell a dead instance's claim from a live one's: it waits out the lease.
            ["Reminders:ClaimLease"] = "00:00:03",
        };

        using (var first = ChildBotProcess.Start(settings))
        {
            Assert.True(await connector.WaitForDeliveredAsync(KillAfter, TimeSpan.FromSeconds(60)), "the first bot sent too little before the kill");
            await first.KillAsync();
        }

        var atKill = connector.Delivered.Count;
        using (var second = ChildBotProcess.Start(settings))
        {
            await WaitUntilAllSentAsync(database);
            Assert.True(second.IsRunning);
        }

        var tally = ReminderFanOut.Tally(connector, People);
        output.WriteLine($"delivered before the kill {atKill}; after the restart: {tally}; 429s {connector.Throttled}");
        Assert.Equal(0, tally.Missing);
        Assert.InRange(tally.Duplicates, 0, ReminderDispatcher.Parallelism);
        Assert.Equal(new Dictionary<string, int> { ["sent"] = People }, await FanOutHost.StatesAsync(database.Factory()));
    }

    private static async Task WaitUntilAllSentAsync(TestDatabase database)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while ((await FanOutHost.StatesAsync(database.Factory())).GetValueOrDefault("sent") < People && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
