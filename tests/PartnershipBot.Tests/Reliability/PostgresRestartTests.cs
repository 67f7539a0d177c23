using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;
using Xunit.Abstractions;

namespace PartnershipBot.Tests.Reliability;

/// <summary>
/// PostgreSQL is stopped and started again in the middle of a fan-out (on a cluster of the test's own).
/// Dispatch carries on once the server is back; sends whose outcome could not be stored during the outage are
/// recorded when it returns rather than sent again, so nobody is missed and nobody gets two.
/// </summary>
[Trait(TestTier.Category, TestTier.Postgres)]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const int People = 300;

    [PostgresFact]
    public async Task A_fan_out_survives_a_database_restart_without_losses_or_duplicates()
    {
        await using var cluster = await OwnPostgresCluster.StartAsync();
        using var database = new PostgresDatabase(cluster.ConnectionString, registerKey: TestDatabase.RegisterKey);
        await using var connector = await TeamsLimitsConnector.StartAsync();
        await FanOutHost.SeedAsync(database, connector, People);
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:PartnershipBot"] = cluster.ConnectionString,
            ["Declarations:RegisterKey"] = TestDatabase.RegisterKeyText,
            ["Reminders:PollInterval"] = "00:00:00.200",
            // Long enough for outcomes to be stored after the restart; short enough that a batch whose claim was cut
            // off by the outage comes back within the test.
            ["Reminders:ClaimLease"] = "00:00:10",
        };

        await using (await FanOutHost.StartAsync(settings))
        {
            Assert.True(await connector.WaitForDeliveredAsync(60, TimeSpan.FromSeconds(30)));
            await cluster.StopServerAsync();
            var duringOutage = connector.Delivered.Count;
            await Task.Delay(TimeSpan.FromSeconds(1));
            await cluster.StartServerAsync();
            output.WriteLine($"stopped PostgreSQL after {duringOutage} deliveries");
            await WaitUntilAllSentAsync(database);
        }

        var tally = ReminderFanOut.Tally(connector, People);
        output.WriteLine($"after the restart: {tally}");
        Assert.Equal(new FanOutTally(People, 0, 0, 0), tally);
        Assert.Equal(new Dictionary<string, int> { ["sent"] = People }, await FanOutHost.StatesAsync(database));
    }

    private static async Task WaitUntilAllSentAsync(PostgresDatabase database)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                if ((await FanOutHost.StatesAsync(database)).GetValueOrDefault("sent") == People)
                {
                    return;
                }
            }
            catch (Npgsql.NpgsqlException)
            {
                // The test's own pooled connection died with the restart; the next one is fresh.
            }

            await Task.Delay(100);
        }
    }
}
