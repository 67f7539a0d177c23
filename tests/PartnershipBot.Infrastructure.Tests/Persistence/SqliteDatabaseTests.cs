using Dapper;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>The embedded database's connection settings hold on every connection the pool hands out, new or reused.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("pb-sqlite-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Foreign_keys_and_the_busy_timeout_are_on_for_new_and_pooled_connections()
    {
        using var database = new SqliteDatabase(Path.Combine(folder.FullName, "bot.db"));

        // Several at once (new native connections), then again one by one (the pool's, reused).
        var first = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SettingsAsync(database)));
        var reused = new List<(long, long)>();
        for (var i = 0; i < 8; i++)
        {
            reused.Add(await SettingsAsync(database));
        }

        Assert.All(first.Concat(reused), s => Assert.Equal((1L, 30_000L), s));
    }

    private static async Task<(long ForeignKeys, long BusyTimeout)> SettingsAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var foreignKeys = await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys");
        var busyTimeout = await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout");
        await Task.Yield();
        return (foreignKeys, busyTimeout);
    }
}
