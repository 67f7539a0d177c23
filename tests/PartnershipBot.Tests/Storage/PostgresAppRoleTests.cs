using Dapper;
using Npgsql;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Reliability;

namespace PartnershipBot.Tests.Storage;

/// <summary>
/// The least-privilege set-up in docs/security.md, run on the real PostgreSQL: the schema is migrated by its owner, the bot
/// connects as a role that owns nothing and may only INSERT and SELECT the register, the audit log and their
/// checkpoints. It starts (no DDL when nothing is pending), appends and verifies; it cannot update, delete,
/// truncate, disable the triggers or drop them.
/// </summary>
[Trait(TestTier.Category, TestTier.Postgres)]
public sealed class PostgresAppRoleTests
{
    private const string Entry = "Westmarsh Board";

    [PostgresFact]
    public async Task The_app_role_appends_and_verifies_but_cannot_change_delete_truncate_or_unguard_the_register()
    {
        var server = Environment.GetEnvironmentVariable("PARTNERSHIPBOT_TEST_POSTGRES")!;
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var schema = "t_role_" + suffix;
        var role = "pb_app_" + suffix;
        await using var owner = new NpgsqlConnection(server);
        await owner.OpenAsync();
        await owner.ExecuteAsync($"CREATE SCHEMA {schema}");
        try
        {
            var ownerDatabase = new PostgresDatabase(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString, registerKey: TestDatabase.RegisterKey);
            await ownerDatabase.MigrateAsync(CancellationToken.None);
            NpgsqlConnection.ClearAllPools();
            await owner.ExecuteAsync(AppRoleSql(schema, role));

            var app = new PostgresDatabase(
                new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, Username = role, Password = null }.ConnectionString, registerKey: TestDatabase.RegisterKey);
            var register = new DeclarationRegister(app);
            await register.AppendAsync(new DeclarationEntry(Entry, "Fund", "p1", "Member 1", InterestKind.None, null, DateTimeOffset.UtcNow), CancellationToken.None);
            await new BoardDirectory(app).RecordAsync("admin", DateTimeOffset.UtcNow, Features.Boards.AuditAction.BoardLink, "conv", null, CancellationToken.None);
            Assert.True((await register.VerifyAsync(CancellationToken.None)).Intact);

            await using var connection = await app.OpenAsync(CancellationToken.None);
            foreach (var attack in new[]
            {
                "UPDATE declarations SET nature = 'x'", "DELETE FROM declarations", "TRUNCATE declarations", "TRUNCATE audit_log",
                "UPDATE audit_log SET actor = 'x'", "DELETE FROM register_checkpoints", "ALTER TABLE declarations DISABLE TRIGGER USER",
                "DROP TRIGGER declarations_no_change ON declarations", "DROP TABLE register_checkpoints",
            })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(attack));
                Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege or "42501", $"{attack}: {refused.SqlState} {refused.MessageText}");
            }

            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM declarations"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await owner.ExecuteAsync($"DROP SCHEMA {schema} CASCADE; DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    /// <summary>The SQL in docs/security.md (section "What the register promises"), with the schema and role names filled in.</summary>
    private static string AppRoleSql(string schema, string role) => $"""
        CREATE ROLE {role} LOGIN;
        GRANT USAGE ON SCHEMA {schema} TO {role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role};
        REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.declarations, {schema}.audit_log, {schema}.register_checkpoints, {schema}.schema_migrations FROM {role};
        REVOKE INSERT ON {schema}.schema_migrations FROM {role};
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {role};
        """;
}
