using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>Export from one database and import into another (SQLite to PostgreSQL is the move councils make).</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class DatabaseTransferTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Targets => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_sqlite_export_imports_into_an_empty_database_with_every_row_intact(string target)
    {
        await using var source = await TestDatabase.CreateAsync("sqlite");
        await using var destination = await TestDatabase.CreateAsync(target);
        var time = new FakeTimeProvider(Now);
        var from = source.Factory();
        await new TermsDocumentStore(from, time).AddVersionAsync("Westmarsh Board", "tor.docx", "application/docx", [0, 1, 2, 255], "{\"Chair\":{}}", "cli", CancellationToken.None);
        await new ConversationReferenceStore(from).SaveAsync(new ConversationReferenceRecord("a:1", "https://smba/", "msteams", "t", "personal", "u", "28:b", "{}", Now), CancellationToken.None);
        await new ReminderOutbox(from, time).EnqueueAsync(new ReminderRecord("r1", "k1", "B", "u", "papers", Now, "{}"), CancellationToken.None);
        await using (var connection = await from.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO declarations (board_key, board_name, item, person_id, interest, declared_at, previous_hash, hash) VALUES ('B', 'B', 'Fund', 'p1', 'pecuniary', '2026-11-23T09:00:00Z', '', 'h1')");
        }

        var first = await ExportAsync(from);
        var imported = await DatabaseTransfer.ImportAsync(destination.Factory(), new MemoryStream(System.Text.Encoding.UTF8.GetBytes(first.ToJsonString())), CancellationToken.None);
        var second = await ExportAsync(destination.Factory());

        Assert.Equal(4, imported);
        Assert.True(JsonNode.DeepEquals(first["tables"], second["tables"]), second["tables"]!.ToJsonString());
        var document = await new TermsDocumentStore(destination.Factory(), time).GetLatestAsync("westmarsh board", CancellationToken.None);
        Assert.Equal([0, 1, 2, 255], document!.Content);
        // The register keeps counting after the imported rows.
        await using var target2 = await destination.Factory().OpenAsync(CancellationToken.None);
        await target2.ExecuteAsync("INSERT INTO declarations (board_key, board_name, item, person_id, interest, declared_at, previous_hash, hash) VALUES ('B', 'B', 'Fund', 'p2', 'none', '2026-11-23T09:05:00Z', 'h1', 'h2')");
        Assert.Equal([1L, 2L], (await target2.QueryAsync<long>("SELECT sequence FROM declarations ORDER BY sequence")).ToList());
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_meetings_venue_is_exported_and_imported_with_it(string target)
    {
        await using var source = await TestDatabase.CreateAsync("sqlite");
        await using var destination = await TestDatabase.CreateAsync(target);
        var meeting = new MeetingRecord("westmarsh/2026-12-08", "Westmarsh Board", "19:c@thread.tacv2", Now.AddDays(15), Now.AddDays(15).AddHours(2), Venue: "Civic Centre, Committee Room 2");
        await new MeetingStore(source.Factory()).AddAsync(meeting, Now, CancellationToken.None);

        var dump = await ExportAsync(source.Factory());
        await DatabaseTransfer.ImportAsync(destination.Factory(), new MemoryStream(System.Text.Encoding.UTF8.GetBytes(dump.ToJsonString())), CancellationToken.None);

        Assert.Equal("Civic Centre, Committee Room 2", (string?)dump["tables"]!["meetings"]![0]!["venue"]);
        Assert.Equal(meeting, await new MeetingStore(destination.Factory()).FindAsync(meeting.MeetingId, CancellationToken.None));
    }

    [Fact]
    public async Task Import_refuses_a_database_that_already_has_data_and_changes_nothing()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var database = test.Factory();
        await new ReminderOutbox(database, new FakeTimeProvider(Now)).EnqueueAsync(new ReminderRecord("r1", "k1", "B", "u", "papers", Now, "{}"), CancellationToken.None);
        var dump = await ExportAsync(database);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            DatabaseTransfer.ImportAsync(database, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(dump.ToJsonString())), CancellationToken.None));

        Assert.Contains("already has rows in reminders", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_crafted_dump_cannot_put_its_column_names_into_the_SQL_or_drop_the_registers_triggers(string target)
    {
        await using var test = await TestDatabase.CreateAsync(target);
        var database = test.Factory();
        var dump = await ExportAsync(database);
        var injection = target == "sqlite"
            ? "board_key, name, created_at) VALUES ('b', 'b', 'x'); DROP TRIGGER declarations_no_update; DROP TRIGGER declarations_no_delete; --"
            : "board_key, name, created_at) VALUES ('b', 'b', 'x'); DROP TRIGGER declarations_no_change ON declarations; --";
        // Before the fix this became: INSERT INTO boards (board_key, name, created_at) VALUES (...); DROP TRIGGER ...; --) VALUES (@p0)
        dump["tables"]!["boards"] = new JsonArray(new JsonObject { [injection] = "x" });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            DatabaseTransfer.ImportAsync(database, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(dump.ToJsonString())), CancellationToken.None));

        Assert.Contains("have a column this database doesn't", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM boards"));
        await connection.ExecuteAsync("INSERT INTO declarations (board_key, board_name, item, person_id, interest, declared_at, previous_hash, hash) VALUES ('B', 'B', 'Fund', 'p1', 'none', '2026-11-23T09:00:00Z', '', 'h1')");
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("UPDATE declarations SET hash = 'forged'"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("DELETE FROM declarations"));
    }

    [Fact]
    public async Task A_dump_with_a_table_the_schema_lacks_is_refused()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var dump = await ExportAsync(test.Factory());
        dump["tables"]!["sqlite_master"] = new JsonArray();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            DatabaseTransfer.ImportAsync(test.Factory(), new MemoryStream(System.Text.Encoding.UTF8.GetBytes(dump.ToJsonString())), CancellationToken.None));

        Assert.Contains("tables this database doesn't: sqlite_master", error.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> ExportAsync(IDatabase database)
    {
        using var buffer = new MemoryStream();
        await DatabaseTransfer.ExportAsync(database, buffer, Now, CancellationToken.None);
        return JsonNode.Parse(buffer.ToArray())!.AsObject();
    }
}
