using PartnershipBot.Features.Boards;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>Board links, roles and the audit log, on both engines.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class BoardDirectoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_conversation_has_at_most_one_board_and_every_change_is_audited(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var directory = new BoardDirectory(test.Factory());

        await directory.LinkAsync(new ConversationBoardLink("19:c", "Safer Westmarsh Board", "admin-1", Now), CancellationToken.None);
        await directory.LinkAsync(new ConversationBoardLink("19:c", "Westmarsh Cohesion Board", "admin-2", Now.AddMinutes(1)), CancellationToken.None);

        var link = await directory.FindLinkAsync("19:c", CancellationToken.None);
        Assert.Equal(("Westmarsh Cohesion Board", "admin-2"), (link!.BoardName, link.LinkedBy));
        Assert.True(await directory.UnlinkAsync("19:c", "admin-2", Now.AddMinutes(2), CancellationToken.None));
        Assert.False(await directory.UnlinkAsync("19:c", "admin-2", Now.AddMinutes(3), CancellationToken.None));
        Assert.Null(await directory.FindLinkAsync("19:c", CancellationToken.None));

        var audit = await directory.AuditAsync(CancellationToken.None);
        Assert.Equal(["board.link", "board.link", "board.unlink"], audit.Select(a => a.Action.Name));
        Assert.Equal(Now.AddMinutes(2), audit[2].At);
        Assert.Contains("Westmarsh Cohesion Board", audit[1].DetailJson, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_link_made_or_removed_is_seen_at_once_by_the_next_lookup(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var directory = new BoardDirectory(test.Factory());

        // Looked up first (and remembered as not linked on the embedded database), then linked, moved and unlinked.
        Assert.Null(await directory.FindLinkAsync("19:c", CancellationToken.None));
        await directory.LinkAsync(new ConversationBoardLink("19:c", "Safer Westmarsh Board", "admin-1", Now), CancellationToken.None);
        Assert.Equal("Safer Westmarsh Board", (await directory.FindLinkAsync("19:c", CancellationToken.None))?.BoardName);
        await directory.LinkAsync(new ConversationBoardLink("19:c", "Westmarsh Cohesion Board", "admin-1", Now), CancellationToken.None);
        Assert.Equal("Westmarsh Cohesion Board", (await directory.FindLinkAsync("19:c", CancellationToken.None))?.BoardName);
        await directory.UnlinkAsync("19:c", "admin-1", Now, CancellationToken.None);
        Assert.Null(await directory.FindLinkAsync("19:c", CancellationToken.None));
    }

    [Fact]
    public async Task Links_made_before_a_restart_are_found_after_it_on_the_embedded_database()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var before = new BoardDirectory(test.Factory());
        await before.LinkAsync(new ConversationBoardLink("19:a", "Safer Westmarsh Board", "admin-1", Now), CancellationToken.None);
        await before.LinkAsync(new ConversationBoardLink("19:b", "Westmarsh Cohesion Board", "admin-1", Now), CancellationToken.None);
        await before.UnlinkAsync("19:b", "admin-1", Now, CancellationToken.None);

        var after = new BoardDirectory(test.Factory());

        Assert.Equal("Safer Westmarsh Board", (await after.FindLinkAsync("19:a", CancellationToken.None))?.BoardName);
        Assert.Null(await after.FindLinkAsync("19:b", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_link_changes_leave_memory_agreeing_with_the_database()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var directory = new BoardDirectory(test.Factory());

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => i % 2 == 0
            ? directory.LinkAsync(new ConversationBoardLink("19:c", $"Board {i}", "admin-1", Now), CancellationToken.None)
            : directory.UnlinkAsync("19:c", "admin-1", Now, CancellationToken.None))));

        var remembered = await directory.FindLinkAsync("19:c", CancellationToken.None);
        var stored = await new BoardDirectory(test.Factory()).FindLinkAsync("19:c", CancellationToken.None);
        Assert.Equal(stored?.BoardName, remembered?.BoardName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_boards_nation_defaults_to_England_and_Wales_and_can_be_changed_and_its_links_listed(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var directory = new BoardDirectory(test.Factory());
        await directory.LinkAsync(new ConversationBoardLink("19:a", "Safer Westmarsh Board", "admin-1", Now), CancellationToken.None);
        await directory.LinkAsync(new ConversationBoardLink("19:b", "safer  westmarsh board", "admin-1", Now.AddMinutes(1)), CancellationToken.None);

        var before = await directory.NationOfAsync("Safer Westmarsh Board", CancellationToken.None);
        await directory.SetNationAsync("Safer Westmarsh Board", Features.Calendar.UkNation.Scotland, "admin-1", Now, CancellationToken.None);
        await directory.SetNationAsync("SAFER WESTMARSH BOARD", Features.Calendar.UkNation.NorthernIreland, "admin-1", Now, CancellationToken.None);

        Assert.Equal(Features.Calendar.UkNation.EnglandAndWales, before);
        Assert.Equal(Features.Calendar.UkNation.NorthernIreland, await directory.NationOfAsync("safer westmarsh board", CancellationToken.None));
        Assert.Equal(["19:a", "19:b"], await directory.LinkedConversationsAsync("Safer Westmarsh Board", CancellationToken.None));
        Assert.Equal(2, (await directory.AuditAsync(CancellationToken.None)).Count(a => a.Action.Name == "board.nation"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Roles_are_per_board_and_idempotent(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var directory = new BoardDirectory(test.Factory());

        await directory.AssignRoleAsync("Safer Westmarsh Board", "p1", BoardRole.Secretariat, "admin", Now, CancellationToken.None);
        await directory.AssignRoleAsync("safer westmarsh board", "p1", BoardRole.Secretariat, "admin", Now, CancellationToken.None);
        await directory.AssignRoleAsync("Safer Westmarsh Board", "p1", BoardRole.ViceChair, "admin", Now, CancellationToken.None);

        Assert.Equal([BoardRole.ViceChair, BoardRole.Secretariat], (await directory.RolesOfAsync("SAFER WESTMARSH BOARD", "p1", CancellationToken.None)).Order());
        Assert.Empty(await directory.RolesOfAsync("Another Board", "p1", CancellationToken.None));
        Assert.True(await directory.RemoveRoleAsync("Safer Westmarsh Board", "p1", BoardRole.ViceChair, "admin", Now, CancellationToken.None));
        Assert.Equal(3, (await directory.AuditAsync(CancellationToken.None)).Count);
    }
}
