using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>One contract for every store, run against SQLite and against a real PostgreSQL server.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class StoreContractTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Monday);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_are_recorded_once_and_a_second_instance_applies_nothing(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var first = test.Factory();
        var second = test.Factory();

        // Two instances starting at once: each migration runs exactly once between them.
        var applied = await Task.WhenAll(MigrateAsync(first), MigrateAsync(second));

        Assert.Equal(Migrator.Scripts(first.Provider).Select(s => s.Version), applied.SelectMany(a => a).Order());
        await using var connection = await first.OpenAsync(CancellationToken.None);
        Assert.Equal(Migrator.Scripts(first.Provider).Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Conversation_references_are_saved_updated_found_and_removed(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new ConversationReferenceStore(test.Factory());
        var reference = new ConversationReferenceRecord("a:1", "https://smba.example/amer/", "msteams", "tenant", "personal", "user-1", "28:bot", "{}", Monday);

        await store.SaveAsync(reference, CancellationToken.None);
        await store.SaveAsync(reference with { ServiceUrl = "https://smba.example/emea/", UpdatedAt = Monday.AddHours(1) }, CancellationToken.None);

        var found = await store.FindByConversationAsync("a:1", CancellationToken.None);
        Assert.Equal("https://smba.example/emea/", found!.ServiceUrl);
        Assert.Equal("a:1", (await store.FindPersonalByUserAsync("user-1", CancellationToken.None))!.ConversationId);
        Assert.True(await store.RemoveAsync("a:1", CancellationToken.None));
        Assert.Null(await store.FindByConversationAsync("a:1", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concurrent_saves_share_commits_and_every_reference_is_stored_when_its_save_returns(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new ConversationReferenceStore(test.Factory());

        // 200 turns at once in 200 new conversations, and one conversation saved twice with the later value last.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.SaveAsync(
            new ConversationReferenceRecord($"a:{i}", "https://smba.example/emea/", "msteams", "tenant", "personal", $"user-{i}", "28:bot", "{}", Monday),
            CancellationToken.None))));
        await store.SaveAsync(new ConversationReferenceRecord("a:7", "https://smba.example/amer/", "msteams", "tenant", "personal", "user-7", "28:bot", "{}", Monday.AddHours(1)), CancellationToken.None);

        await using var connection = await test.Factory().OpenAsync(CancellationToken.None);
        Assert.Equal(200, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM conversation_references"));
        Assert.Equal("https://smba.example/amer/", (await store.FindByConversationAsync("a:7", CancellationToken.None))!.ServiceUrl);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Terms_versions_are_kept_and_numbered_per_board(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new TermsDocumentStore(test.Factory(), time);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            store.AddVersionAsync("Safer Westmarsh Board", $"tor-{i}.txt", "text/plain", [(byte)i], null, "cli", CancellationToken.None)));

        var history = await store.GetHistoryAsync("safer westmarsh board", CancellationToken.None);
        Assert.Equal([1, 2, 3, 4, 5], history.Select(h => h.Version));
        Assert.Equal(5, history.Select(h => h.FileName).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_reminder_is_queued_once_per_idempotency_key_and_claimed_only_when_due(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var outbox = new ReminderOutbox(test.Factory(), time);

        Assert.True(await outbox.EnqueueAsync(Reminder("r1", "papers/m1/u1", Monday.AddHours(1)), CancellationToken.None));
        Assert.False(await outbox.EnqueueAsync(Reminder("r2", "papers/m1/u1", Monday.AddHours(1)), CancellationToken.None));

        Assert.Empty(await outbox.ClaimDueAsync("w1", Monday, TimeSpan.FromMinutes(5), 10, CancellationToken.None));
        var claimed = Assert.Single(await outbox.ClaimDueAsync("w1", Monday.AddHours(1), TimeSpan.FromMinutes(5), 10, CancellationToken.None));
        Assert.Equal(("r1", ReminderState.Claimed, 1), (claimed.ReminderId, claimed.State, claimed.Attempts));
        Assert.Null(await outbox.FindAsync("r2", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_expired_lease_is_reclaimed_and_the_late_worker_cannot_complete(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var outbox = new ReminderOutbox(test.Factory(), time);
        await outbox.EnqueueAsync(Reminder("r1", "k1", Monday), CancellationToken.None);

        await outbox.ClaimDueAsync("crashed", Monday, TimeSpan.FromMinutes(5), 10, CancellationToken.None);
        var reclaimed = Assert.Single(await outbox.ClaimDueAsync("w2", Monday.AddMinutes(6), TimeSpan.FromMinutes(5), 10, CancellationToken.None));
        await outbox.CompleteAsync("r1", "crashed", ReminderState.Sent, ReminderOutcome.Sent, null, CancellationToken.None);
        await outbox.CompleteAsync("r1", "w2", ReminderState.Sent, ReminderOutcome.Sent, null, CancellationToken.None);

        var final = await outbox.FindAsync("r1", CancellationToken.None);
        Assert.Equal(2, reclaimed.Attempts);
        Assert.Equal((ReminderState.Sent, ReminderOutcome.Sent), (final!.State, final.LastOutcome));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_instances_claiming_the_same_due_work_process_each_item_exactly_once(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var seed = new ReminderOutbox(test.Factory(), time);
        for (var i = 0; i < 120; i++)
        {
            await seed.EnqueueAsync(Reminder($"r{i:000}", $"k{i}", Monday), CancellationToken.None);
        }

        var processed = new ConcurrentBag<string>();
        async Task WorkAsync(string worker)
        {
            var outbox = new ReminderOutbox(test.Factory(), time);
            while (await outbox.ClaimDueAsync(worker, Monday, TimeSpan.FromMinutes(5), 7, CancellationToken.None) is { Count: > 0 } batch)
            {
                foreach (var reminder in batch)
                {
                    processed.Add(reminder.ReminderId);
                    await outbox.CompleteAsync(reminder.ReminderId, worker, ReminderState.Sent, ReminderOutcome.Sent, null, CancellationToken.None);
                }
            }
        }

        await Task.WhenAll(WorkAsync("instance-a"), WorkAsync("instance-b"));

        Assert.Equal(120, processed.Count);
        Assert.Equal(120, processed.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_declarations_register_refuses_updates_and_deletes(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var connection = await test.Factory().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO declarations (board_key, board_name, item, person_id, interest, declared_at, previous_hash, hash) VALUES ('B', 'B', 'Fund', 'p1', 'pecuniary', '2026-11-23T09:00:00Z', '', 'h1')");

        var update = await Record.ExceptionAsync(() => connection.ExecuteAsync("UPDATE declarations SET interest = 'none'"));
        var delete = await Record.ExceptionAsync(() => connection.ExecuteAsync("DELETE FROM declarations"));

        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM declarations"));
    }

    private static async Task<IReadOnlyList<int>> MigrateAsync(IDatabase database) => database switch
    {
        SqliteDatabase sqlite => await sqlite.MigrateAsync(CancellationToken.None),
        PostgresDatabase postgres => await postgres.MigrateAsync(CancellationToken.None),
        _ => throw new InvalidOperationException(),
    };

    private static ReminderRecord Reminder(string id, string key, DateTimeOffset due) =>
        new(id, key, "B", "user-1", "papers", due, "{}");
}
