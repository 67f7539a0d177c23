using Dapper;
using PartnershipBot.Features.Agenda;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Boards' standing items in SQLite or PostgreSQL, one row a board (items one a line: a title holds no line break).</summary>
public sealed class StandingItemsStore(IDatabase database) : IStandingItemsStore
{
    /// <inheritdoc />
    public async Task<BoardStandingItems?> FindAsync(string boardName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT board_name AS BoardName, items AS Items, set_by AS SetBy, set_at AS SetAt FROM board_standing_items WHERE board_key = @key",
            new { key = DbValues.BoardKey(boardName) }, cancellationToken: cancellationToken));
        return row is null ? null : new BoardStandingItems(row.BoardName, row.Items.Split('\n', StringSplitOptions.RemoveEmptyEntries), row.SetBy, DbValues.Time(row.SetAt));
    }

    /// <inheritdoc />
    public async Task SetAsync(BoardStandingItems items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Items.Any(i => i.Contains('\n', StringComparison.Ordinal) || i.Contains('\r', StringComparison.Ordinal)))
        {
            throw new ArgumentException("A standing item is one line.", nameof(items));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO board_standing_items (board_key, board_name, items, set_by, set_at) VALUES (@key, @BoardName, @items, @SetBy, @at)
            ON CONFLICT (board_key) DO UPDATE SET board_name = excluded.board_name, items = excluded.items, set_by = excluded.set_by, set_at = excluded.set_at
            """,
            new { key = DbValues.BoardKey(items.BoardName), items.BoardName, items = string.Join('\n', items.Items), items.SetBy, at = DbValues.Text(items.SetAt) },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<bool> ClearAsync(string boardName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM board_standing_items WHERE board_key = @key", new { key = DbValues.BoardKey(boardName) }, cancellationToken: cancellationToken)) == 1;
    }

    private sealed class Row
    {
        public string BoardName { get; set; } = "";
        public string Items { get; set; } = "";
        public string SetBy { get; set; } = "";
        public string SetAt { get; set; } = "";
    }
}
