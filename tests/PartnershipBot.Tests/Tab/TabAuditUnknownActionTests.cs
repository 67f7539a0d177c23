using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PartnershipBot.Features.Boards;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Tab;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// An audit entry whose action this build does not know (written by a newer build into the same chain) is read back
/// from the real store and shown on the tab's audit page as it is stored, with a warning logged, instead of
/// breaking the page; the chain it sits in still verifies.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabAuditUnknownActionTests
{
    private const string Board = "Westmarsh Board";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PageAsync_AnActionThisBuildDoesNotKnow_IsShownRawAndLogged()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var directory = new BoardDirectory(test.Factory());
        await directory.AssignRoleAsync(Board, "p1", BoardRole.Member, "admin", Monday, CancellationToken.None);
        await directory.RecordAsync("admin", Monday.AddMinutes(1), AuditAction.FromStored("board.archive"), Board, "archived", CancellationToken.None);
        var logger = new CapturingLogger();

        var page = await new TabAudit(directory, directory, logger).PageAsync(Board, null, TabAudit.DefaultPageSize, CancellationToken.None);

        Assert.Equal(["board.archive", "role.assign"], page.Entries.Select(e => e.Action));
        Assert.Equal("archived", page.Entries[0].Detail);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("board.archive", warning.Message, StringComparison.Ordinal);
        var stored = (await directory.AuditAsync(CancellationToken.None))[^1].Action;
        Assert.False(stored.IsKnown);
        Assert.True((await new DeclarationRegister(test.Factory()).VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task PageAsync_KnownActionsOnly_LogsNothing()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var directory = new BoardDirectory(test.Factory());
        await directory.SetNationAsync(Board, Features.Calendar.UkNation.Scotland, "admin", Monday, CancellationToken.None);
        var logger = new CapturingLogger();

        var page = await new TabAudit(directory, directory, logger).PageAsync(Board, null, TabAudit.DefaultPageSize, CancellationToken.None);

        Assert.Equal(["board.nation"], page.Entries.Select(e => e.Action));
        Assert.Empty(logger.Entries);
    }

    private sealed class CapturingLogger : ILogger<TabAudit>
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
