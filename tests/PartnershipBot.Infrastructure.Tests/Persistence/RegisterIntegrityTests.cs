using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Infrastructure.Persistence.Integrity;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>
/// The attacks the security review made on the register and audit log, replayed against the real engines: an
/// INSERT OR REPLACE edit re-hashed with plain SHA-256, deleting the last entries, editing the audit log, TRUNCATE;
/// and the upgrade of a register chained before the key existed.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class RegisterIntegrityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Fact]
    public async Task Insert_or_replace_is_refused_and_a_sha256_rehashed_edit_behind_the_triggers_is_reported_as_edited()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var register = new DeclarationRegister(test.Factory());
        await register.AppendAsync(Entry("p1", InterestKind.Pecuniary, Now), CancellationToken.None);
        await register.AppendAsync(Entry("p2", InterestKind.None, Now.AddMinutes(1)), CancellationToken.None);
        var first = (await register.ListAsync("Westmarsh Board", null, CancellationToken.None))[0];
        var forged = first.Entry with { Interest = InterestKind.None, Nature = null };
        var sha256 = DeclarationChain.Hash(string.Empty, forged);
        const string Replace = """
            INSERT OR REPLACE INTO declarations (sequence, board_key, board_name, item, person_id, person_name, interest, nature, declared_at, previous_hash, hash)
            VALUES (1, 'WESTMARSH BOARD', 'Westmarsh Board', 'Allocate the fund', 'p1', 'Member p1', 'none', NULL, @at, '', @sha256)
            """;

        await using var connection = await test.Factory().OpenAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(Replace, new { at = first.Entry.DeclaredAt.ToString("O"), sha256 }));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);

        // With the guard dropped (someone with the file), the plain SHA-256 re-hash that passed before no longer does.
        await connection.ExecuteAsync("DROP TRIGGER declarations_no_replace");
        await connection.ExecuteAsync(Replace, new { at = first.Entry.DeclaredAt.ToString("O"), sha256 });
        var verification = await register.VerifyAsync(CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Equal(1, verification.FirstBrokenSequence);
        Assert.Contains(verification.Problems!, p => p.Contains("entry #1 was edited", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Updates_deletes_and_truncate_are_refused_on_the_register_audit_log_and_checkpoints(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await new DeclarationRegister(test.Factory()).AppendAsync(Entry("p1", InterestKind.None, Now), CancellationToken.None);
        await new BoardDirectory(test.Factory()).RecordAsync("admin", Now, Features.Boards.AuditAction.BoardLink, "conv", "detail", CancellationToken.None);

        await using var connection = await test.Factory().OpenAsync(CancellationToken.None);
        foreach (var table in new[] { "declarations", "audit_log", "register_checkpoints" })
        {
            await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync($"UPDATE {table} SET sequence = sequence"));
            await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync($"DELETE FROM {table}"));
            if (provider == "postgres")
            {
                await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync($"TRUNCATE {table}"));
            }

            Assert.True(await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}") > 0);
        }
    }

    [Fact]
    public async Task Deleting_the_last_entries_and_their_checkpoints_is_reported_as_truncation_against_the_head_file()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var register = new DeclarationRegister(test.Factory());
        for (var i = 0; i < 5; i++)
        {
            await register.AppendAsync(Entry($"p{i}", InterestKind.None, Now.AddMinutes(i)), CancellationToken.None);
        }

        Assert.True((await register.VerifyAsync(CancellationToken.None)).Intact);
        await using (var connection = await test.Factory().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("""
                DROP TRIGGER declarations_no_delete; DROP TRIGGER register_checkpoints_no_delete;
                DELETE FROM declarations WHERE sequence > 3;
                DELETE FROM register_checkpoints WHERE chain = 'declarations' AND entries > 3;
                """);
        }

        var verification = await register.VerifyAsync(CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Null(verification.FirstBrokenSequence);
        Assert.Contains(verification.Problems!, p => p.Contains("declarations register truncated: the head file (register-head.json)", StringComparison.Ordinal)
            && p.Contains("records 5 entries", StringComparison.Ordinal) && p.Contains("only 3 are there", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_the_last_entries_is_reported_against_the_checkpoint_and_the_head_from_the_log(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var register = new DeclarationRegister(test.Factory());
        DeclarationRecord last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await register.AppendAsync(Entry($"p{i}", InterestKind.None, Now.AddMinutes(i)), CancellationToken.None);
        }

        await using (var connection = await test.Factory().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(provider == "sqlite"
                ? "DROP TRIGGER declarations_no_delete; DELETE FROM declarations WHERE sequence = 4"
                : "ALTER TABLE declarations DISABLE TRIGGER USER; DELETE FROM declarations WHERE sequence = 4; ALTER TABLE declarations ENABLE TRIGGER USER");
        }

        var verification = await register.VerifyAsync(new RegisterHead(4, last.Hash), CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Contains(verification.Problems!, p => p.Contains("truncated: the database's latest checkpoint", StringComparison.Ordinal));
        Assert.Contains(verification.Problems!, p => p.Contains("truncated: the head you gave records 4 entries", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_edited_or_removed_audit_entry_is_reported(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var directory = new BoardDirectory(test.Factory());
        await directory.RecordAsync("admin", Now, Features.Boards.AuditAction.BoardLink, "conv-1", "linked", CancellationToken.None);
        await directory.RecordAsync("admin", Now.AddMinutes(1), Features.Boards.AuditAction.BoardLink, "conv-2", "linked", CancellationToken.None);
        await directory.RecordAsync("admin", Now.AddMinutes(2), Features.Boards.AuditAction.BoardLink, "conv-3", "linked", CancellationToken.None);
        var register = new DeclarationRegister(test.Factory());
        Assert.True((await register.VerifyAsync(CancellationToken.None)).Intact);

        await using (var connection = await test.Factory().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(provider == "sqlite"
                ? "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; UPDATE audit_log SET actor = 'someone-else' WHERE sequence = 1; DELETE FROM audit_log WHERE sequence = 2"
                : "ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET actor = 'someone-else' WHERE sequence = 1; DELETE FROM audit_log WHERE sequence = 2; ALTER TABLE audit_log ENABLE TRIGGER USER");
        }

        var problems = (await register.VerifyAsync(CancellationToken.None)).Problems!;
        Assert.Contains(problems, p => p.Contains("audit log: audit entry #1 was edited", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("audit log: entries are missing before audit entry #3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_register_chained_before_the_key_is_rechained_on_upgrade_and_the_upgrade_is_audited()
    {
        var folder = Directory.CreateTempSubdirectory("pb-rechain-").FullName;
        var path = Path.Combine(folder, "partnershipbot.db");
        try
        {
            // A database as the previous release left it: every migration before 0006, a SHA-256 chain, an audit entry.
            await using (var old = new SqliteConnection($"Data Source={path}"))
            {
                await old.OpenAsync();
                await old.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
                foreach (var (version, name, sql) in Migrator.Scripts(StorageProvider.Sqlite).Where(s => s.Version < 6))
                {
                    await old.ExecuteAsync(sql);
                    await old.ExecuteAsync("INSERT INTO schema_migrations VALUES (@version, @name, '2026-01-01T00:00:00Z')", new { version, name });
                }

                var previous = string.Empty;
                for (var i = 0; i < 3; i++)
                {
                    var entry = Entry($"p{i}", InterestKind.None, Now.AddMinutes(i));
                    var hash = DeclarationChain.Hash(previous, entry);
                    await old.ExecuteAsync(
                        "INSERT INTO declarations (board_key, board_name, item, person_id, person_name, interest, declared_at, previous_hash, hash) VALUES ('WESTMARSH BOARD', @BoardName, @Item, @PersonId, @PersonName, 'none', @at, @previous, @hash)",
                        new { entry.BoardName, entry.Item, entry.PersonId, entry.PersonName, at = entry.DeclaredAt.ToUniversalTime().ToString("O"), previous, hash });
                    previous = hash;
                }

                await old.ExecuteAsync("INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES ('2026-01-02T00:00:00.0000000+00:00', 'admin', 'board.link', 'conv', NULL)");
            }

            SqliteConnection.ClearAllPools();
            var key = RegisterKey.FromText(TestDatabase.RegisterKeyText, "tests");
            var database = new SqliteDatabase(path, registerKey: key);
            var applied = await database.MigrateAsync(CancellationToken.None);

            Assert.Contains(6, applied);
            var register = new DeclarationRegister(database);
            var verification = await register.VerifyAsync(CancellationToken.None);
            Assert.True(verification.Intact, string.Join("\n", verification.Problems ?? []));
            Assert.Equal(3, verification.Entries);
            var records = await register.ListAsync("Westmarsh Board", null, CancellationToken.None);
            Assert.Equal(RegisterChains.DeclarationMac(key, records[1].Hash, records[2].Entry), records[2].Hash);
            var audit = await new BoardDirectory(database).AuditAsync(CancellationToken.None);
            var rechain = Assert.Single(audit, a => a.Action == Features.Boards.AuditAction.RegisterRechain);
            using var detail = JsonDocument.Parse(rechain.DetailJson!);
            Assert.True(detail.RootElement.GetProperty("LegacyChainIntact").GetBoolean());
            Assert.Equal(3, detail.RootElement.GetProperty("Declarations").GetInt64());
            Assert.Equal(records[2].Hash, detail.RootElement.GetProperty("KeyedHead").GetString());

            // Under another key the same register does not verify: the key, not the table, vouches for it.
            var other = await new DeclarationRegister(new SqliteDatabase(path, registerKey: RegisterKey.FromText(new string('k', 40), "other"))).VerifyAsync(CancellationToken.None);
            Assert.False(other.Intact);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DeclarationEntry Entry(string person, InterestKind interest, DateTimeOffset at) =>
        new("Westmarsh Board", "Allocate the fund", person, "Member " + person, interest, interest == InterestKind.None ? null : "Trustee of an applicant", at);
}
