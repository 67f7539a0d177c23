using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>Board tenancy on both engines: migration 0005 claims existing boards, and a claim is first-wins.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class BoardTenantStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migration_5_gives_each_linked_board_the_tenant_of_its_earliest_linked_conversation(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var connection = await OpenRawAsync(test))
        {
            // A database as version 4 left it: two conversations linked to one board (from two tenants, the later one
            // the cross-tenant link a security review found), one board linked where no reference (so no tenant) was recorded.
            await ApplyUpToAsync(connection, provider, 4);
            await connection.ExecuteAsync(
                """
                INSERT INTO conversation_boards (conversation_id, board_name, linked_by, linked_at) VALUES
                  ('19:a', 'Safer Leeds Board', 'admin-a', '2026-01-01T00:00:00.0000000+00:00'),
                  ('19:b', 'Safer Leeds Board', 'admin-b', '2026-02-01T00:00:00.0000000+00:00'),
                  ('19:c', 'Harbour Board', 'admin-c', '2026-01-01T00:00:00.0000000+00:00');
                INSERT INTO conversation_references (conversation_id, service_url, channel_id, tenant_id, conversation_type, user_aad_object_id, bot_id, reference_json, updated_at) VALUES
                  ('19:a', 'https://smba.example/', 'msteams', 'tenant-a', 'channel', NULL, '28:bot', '{}', '2026-01-01T00:00:00.0000000+00:00'),
                  ('19:b', 'https://smba.example/', 'msteams', 'tenant-b', 'channel', NULL, '28:bot', '{}', '2026-02-01T00:00:00.0000000+00:00');
                """);
        }

        var store = new BoardTenantStore(test.Factory());
        var tenants = await store.TenantsOfAsync(["Safer Leeds Board", "safer  leeds board", "Harbour Board", "Unknown Board"], CancellationToken.None);

        Assert.Equal(["tenant-a", "tenant-a", null, null], tenants);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_first_claim_wins_is_audited_once_and_a_second_instance_sees_it(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var first = new BoardTenantStore(test.Factory());
        var second = new BoardTenantStore(test.Factory());
        Assert.Equal([null], await second.TenantsOfAsync(["Harbour Board"], CancellationToken.None));

        var claims = await Task.WhenAll(
            first.ClaimAsync("Harbour Board", "tenant-a", "admin-a", Now, CancellationToken.None),
            second.ClaimAsync("Harbour Board", "tenant-b", "admin-b", Now, CancellationToken.None));
        var again = await first.ClaimAsync("Harbour Board", "tenant-b", "admin-b", Now, CancellationToken.None);

        Assert.Single(claims.Distinct());
        Assert.Equal(claims[0], again);
        Assert.Equal([claims[0]], await new BoardTenantStore(test.Factory()).TenantsOfAsync(["HARBOUR BOARD"], CancellationToken.None));
        await using var connection = await test.Factory().OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'board.tenant'"));
    }

    private static async Task<DbConnection> OpenRawAsync(TestDatabase test)
    {
        DbConnection connection = test.Provider == "sqlite"
            ? new SqliteConnection($"Data Source={Path.Combine(test.Settings["Storage:DataDirectory"], "partnershipbot.db")}")
            : new NpgsqlConnection(test.Settings["ConnectionStrings:PartnershipBot"]);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ApplyUpToAsync(DbConnection connection, string provider, int version)
    {
        var engine = provider == "sqlite" ? StorageProvider.Sqlite : StorageProvider.Postgres;
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var (number, name, sql) in Migrator.Scripts(engine).Where(s => s.Version <= version))
        {
            await connection.ExecuteAsync(sql);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@number, @name, @at)", new { number, name, at = Now.ToString("O") });
        }
    }
}
