using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>
/// The store reads and the one write the secretariat tab adds (issue 21), against SQLite and a real PostgreSQL server:
/// a board's reminder rows, the guarded requeue of a failed one, and a board's audit log paged newest first.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabReadStoreTests
{
    private const string Board = "Safer Westmarsh Board";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Monday);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Board_reminders_are_listed_newest_due_first_and_only_that_boards(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var outbox = new ReminderOutbox(test.Factory(), time);
        await outbox.EnqueueAsync(Reminder("early", Board, Monday), CancellationToken.None);
        await outbox.EnqueueAsync(Reminder("late", Board, Monday.AddDays(2)), CancellationToken.None);
        await outbox.EnqueueAsync(Reminder("other", "Another Board", Monday.AddDays(1)), CancellationToken.None);

        var rows = await outbox.ForBoardAsync(Board, 10, CancellationToken.None);

        Assert.Equal(["late", "early"], rows.Select(r => r.ReminderId));
        Assert.Equal(["late"], (await outbox.ForBoardAsync(Board, 1, CancellationToken.None)).Select(r => r.ReminderId));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failed_delivery_is_requeued_once_for_the_attempts_seen_and_never_when_withdrawn_or_held(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var outbox = new ReminderOutbox(test.Factory(), time);
        await outbox.EnqueueAsync(Reminder("blocked", Board, Monday), CancellationToken.None);
        await outbox.EnqueueAsync(Reminder("withdrawn", Board, Monday.AddDays(9)) with { IdempotencyKey = "m1/withdrawn" }, CancellationToken.None);
        await outbox.EnqueueAsync(Reminder("held", Board, Monday.AddDays(9)), CancellationToken.None);
        var claimed = Assert.Single(await outbox.ClaimDueAsync("w", Monday, TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        await outbox.CompleteAsync(claimed.ReminderId, "w", ReminderState.Failed, ReminderOutcome.Blocked, null, CancellationToken.None);
        await outbox.WithdrawPendingAsync("m1/", CancellationToken.None);
        await outbox.HoldAsync("key/held", CancellationToken.None);

        Assert.False(await outbox.RequeueFailedAsync("blocked", seenAttempts: 0, CancellationToken.None));
        Assert.True(await outbox.RequeueFailedAsync("blocked", seenAttempts: 1, CancellationToken.None));
        Assert.False(await outbox.RequeueFailedAsync("blocked", seenAttempts: 1, CancellationToken.None));
        Assert.False(await outbox.RequeueFailedAsync("withdrawn", seenAttempts: 0, CancellationToken.None));
        Assert.False(await outbox.RequeueFailedAsync("held", seenAttempts: 0, CancellationToken.None));

        // Due again at once (its due time is past), claimed with its attempts counted on.
        var again = Assert.Single(await outbox.ClaimDueAsync("w", Monday, TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Equal(("blocked", 2), (again.ReminderId, again.Attempts));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_boards_audit_is_paged_newest_first_by_subject_or_detail_and_no_other_boards(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var directory = new BoardDirectory(test.Factory());
        // A name LIKE would read as wildcards, and a board whose name contains this one's.
        const string Tricky = "Board_100% \"Safe\"";
        await directory.AssignRoleAsync(Board, "p1", BoardRole.Member, "admin", Monday, CancellationToken.None);
        await directory.SetNationAsync(Board, Features.Calendar.UkNation.Scotland, "admin", Monday.AddMinutes(1), CancellationToken.None);
        await directory.AssignRoleAsync(Board + " Extended", "p2", BoardRole.Member, "admin", Monday.AddMinutes(2), CancellationToken.None);
        await directory.AssignRoleAsync(Tricky, "p3", BoardRole.Chair, "admin", Monday.AddMinutes(3), CancellationToken.None);
        await directory.AssignRoleAsync("Board_1000 \"Safe\"", "p4", BoardRole.Chair, "admin", Monday.AddMinutes(4), CancellationToken.None);
        await directory.RecordAsync("admin", Monday.AddMinutes(5), Features.Boards.AuditAction.TermsVersion, Board.ToUpperInvariant(), "v2", CancellationToken.None);

        var first = await directory.BoardAuditAsync(Board, null, 2, CancellationToken.None);
        var second = await directory.BoardAuditAsync(Board, first[^1].Sequence, 2, CancellationToken.None);

        Assert.Equal(["terms.version", "board.nation"], first.Select(e => e.Entry.Action.Name));
        Assert.Equal(["role.assign"], second.Select(e => e.Entry.Action.Name));
        Assert.Equal("p1", second[0].Entry.Subject);
        Assert.Equal(["p3"], (await directory.BoardAuditAsync(Tricky, null, 10, CancellationToken.None)).Select(e => e.Entry.Subject));
    }

    private static ReminderRecord Reminder(string id, string board, DateTimeOffset due) =>
        new(id, $"key/{id}", board, "person", "papers", due, "{}");
}
