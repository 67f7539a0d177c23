using Dapper;
using PartnershipBot.Features.Declarations;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Financial-decision agenda items in SQLite or PostgreSQL.</summary>
public sealed class DeclarationItemStore(IDatabase database) : IDeclarationItemStore
{
    private const string Columns = """
        item_id AS ItemId, board_name AS BoardName, meeting_id AS MeetingId, meeting_starts_at AS MeetingStartsAt,
        title AS Title, added_by AS AddedBy, added_at AS AddedAt
        """;

    /// <inheritdoc />
    public async Task<(DeclarationItem Item, bool Added)> AddAsync(DeclarationItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var connection = await database.OpenAsync(cancellationToken);
        // The unique index on (board, meeting, title) makes adding the same item twice a no-op, even from two instances.
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO declaration_items (item_id, board_key, board_name, meeting_id, meeting_starts_at, title, title_key, added_by, added_at, send_rounds)
            VALUES (@ItemId, @key, @BoardName, @MeetingId, @starts, @Title, @titleKey, @AddedBy, @at, 0)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                item.ItemId, key = DbValues.BoardKey(item.BoardName), item.BoardName, item.MeetingId,
                starts = item.MeetingStartsAt is { } s ? DbValues.Text(s) : null, item.Title, titleKey = TitleKey(item.Title), item.AddedBy, at = DbValues.Text(item.AddedAt),
            },
            cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            return (item, true);
        }

        var existing = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM declaration_items WHERE board_key = @key AND COALESCE(meeting_id, '') = @meeting AND title_key = @titleKey",
            new { key = DbValues.BoardKey(item.BoardName), meeting = item.MeetingId ?? string.Empty, titleKey = TitleKey(item.Title) },
            cancellationToken: cancellationToken));
        return (existing.ToItem(), false);
    }

    /// <inheritdoc />
    public async Task<DeclarationItem?> FindAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM declaration_items WHERE item_id = @itemId", new { itemId }, cancellationToken: cancellationToken));
        return row?.ToItem();
    }

    /// <inheritdoc />
    public async Task<DeclarationItem?> FindByTitleAsync(string boardName, string title, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM declaration_items WHERE board_key = @key AND title_key = @titleKey ORDER BY added_at",
            new { key = DbValues.BoardKey(boardName), titleKey = TitleKey(title) }, cancellationToken: cancellationToken))).Select(r => r.ToItem()).ToList();
        // "When the item comes up" means the next meeting that has it (today's included); failing that, the latest added.
        var today = now.AddHours(-12);
        return rows.Where(i => i.MeetingStartsAt >= today).MinBy(i => i.MeetingStartsAt) ?? rows.LastOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeclarationItem>> ForMeetingAsync(string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM declaration_items WHERE meeting_id = @meetingId ORDER BY added_at", new { meetingId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToItem())];
    }

    /// <inheritdoc />
    public async Task MoveMeetingAsync(string meetingId, DateTimeOffset startsAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE declaration_items SET meeting_starts_at = @startsAt WHERE meeting_id = @meetingId",
            new { meetingId, startsAt = DbValues.Text(startsAt) }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<int> NextSendRoundAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One statement: two secretaries pressing "Chase" at once get different rounds.
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "UPDATE declaration_items SET send_rounds = send_rounds + 1 WHERE item_id = @itemId RETURNING send_rounds",
            new { itemId }, cancellationToken: cancellationToken));
    }

    /// <summary>Titles match case- and spacing-insensitively, as board names do.</summary>
    private static string TitleKey(string title) => DbValues.BoardKey(title);

    private sealed class Row
    {
        public string ItemId { get; set; } = "";
        public string BoardName { get; set; } = "";
        public string? MeetingId { get; set; }
        public string? MeetingStartsAt { get; set; }
        public string Title { get; set; } = "";
        public string AddedBy { get; set; } = "";
        public string AddedAt { get; set; } = "";

        public DeclarationItem ToItem() => new(
            ItemId, BoardName, MeetingId, MeetingStartsAt is null ? null : DbValues.Time(MeetingStartsAt), Title, AddedBy, DbValues.Time(AddedAt));
    }
}
