using PartnershipBot.Testing;
using PartnershipBot.Tests.Reliability;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// The register view's filters with the bot on PostgreSQL (its own schema on the shared server, dropped after), as
/// the register's own store tests run on both engines: the person and date filters select the same rows there.
/// </summary>
[Trait(TestTier.Category, TestTier.Postgres)]
public sealed class TabRegisterPostgresTests : TabRegisterTest
{
    private TestDatabase? database;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = new Dictionary<string, string?>(base.ExtraSettings);
            foreach (var (key, value) in database?.Settings ?? new Dictionary<string, string>())
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("postgres");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task Register_OnPostgres_FiltersByPersonAndDatesInTheViewAndTheCsv()
    {
        var query = $"?person={Ann}&from=2026-06-01";

        var (root, entries) = await ViewAsync(query);
        var csv = await CsvAsync(query);

        Assert.Equal("Postgres", Service<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:Provider"]);
        Assert.Equal([2L, 4], entries);
        Assert.Equal(4, root.GetProperty("total").GetInt32());
        Assert.Equal(entries, csv.Select(r => r.Entry).ToArray());
    }
}
