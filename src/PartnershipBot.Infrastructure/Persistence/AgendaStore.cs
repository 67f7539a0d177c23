using Dapper;
using PartnershipBot.Features.Agenda;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Meetings' business items in SQLite or PostgreSQL.</summary>
public sealed class AgendaStore(IDatabase database) : IAgendaStore
{
    private const string Columns = """
        item_id AS ItemId, board_name AS BoardName, meeting_id AS MeetingId, position AS Position, title AS Title,
        owner_name AS OwnerName, owner_id AS OwnerId, financial AS Financial, paper_submitted_at AS PaperSubmittedAt,
        withdrawn AS Withdrawn, added_by AS AddedBy, added_at AS AddedAt
        """;

    /// <inheritdoc />
    public async Task<(AgendaItem Item, bool Added)> AddAsync(AgendaItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var connection = await database.OpenAsync(cancellationToken);
        // One statement takes the next position and inserts, and the unique (meeting, title) index makes a second add
        // of the same item (a retry, a second secretary) a no-op.
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO agenda_items (item_id, board_key, board_name, meeting_id, position, title, title_key, owner_name, owner_id, financial, withdrawn, added_by, added_at)
            SELECT @ItemId, @key, @BoardName, @MeetingId, COALESCE(MAX(position), 0) + 1, @Title, @titleKey, @OwnerName, @OwnerId, @financial, 0, @AddedBy, @at
            FROM agenda_items WHERE meeting_id = @MeetingId
            ON CONFLICT DO NOTHING
            """,
            new
            {
                item.ItemId, key = DbValues.BoardKey(item.BoardName), item.BoardName, item.MeetingId, item.Title, titleKey = TitleKey(item.Title),
                item.OwnerName, item.OwnerId, financial = item.Financial ? 1 : 0, item.AddedBy, at = DbValues.Text(item.AddedAt),
            },
            cancellationToken: cancellationToken));
        var stored = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM agenda_items WHERE meeting_id = @MeetingId AND title_key = @titleKey",
            new { item.MeetingId, titleKey = TitleKey(item.Title) }, cancellationToken: cancellationToken));
        return (stored.ToItem(), inserted == 1);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AgendaItem>> ForMeetingAsync(string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM agenda_items WHERE meeting_id = @meetingId ORDER BY position, added_at", new { meetingId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToItem())];
    }

    /// <inheritdoc />
    public async Task<bool> MarkPaperAsync(string itemId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The first arrival is kept: whether a paper was late must not change when it is sent again.
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agenda_items SET paper_submitted_at = COALESCE(paper_submitted_at, @at) WHERE item_id = @itemId",
            new { itemId, at = DbValues.Text(at) }, cancellationToken: cancellationToken));
        return updated == 1;
    }

    /// <inheritdoc />
    public async Task<bool> WithdrawAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agenda_items SET withdrawn = 1 WHERE item_id = @itemId", new { itemId }, cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> MoveAsync(string itemId, int position, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var meetingId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT meeting_id FROM agenda_items WHERE item_id = @itemId", new { itemId }, transaction, cancellationToken: cancellationToken));
        if (meetingId is null)
        {
            return false;
        }

        // Renumber the live items in their new order, so positions stay 1..n whatever was withdrawn before.
        var order = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT item_id FROM agenda_items WHERE meeting_id = @meetingId AND withdrawn = 0 AND item_id <> @itemId ORDER BY position, added_at",
            new { meetingId, itemId }, transaction, cancellationToken: cancellationToken))).ToList();
        order.Insert(Math.Clamp(position - 1, 0, order.Count), itemId);
        for (var i = 0; i < order.Count; i++)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE agenda_items SET position = @position WHERE item_id = @id", new { position = i + 1, id = order[i] }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // Titles match as declaration items' do (case and spacing aside), so the agenda can merge the two.
    private static string TitleKey(string title) => DbValues.BoardKey(title);

    private sealed class Row
    {
        public string ItemId { get; set; } = "";
        public string BoardName { get; set; } = "";
        public string MeetingId { get; set; } = "";
        public long Position { get; set; }
        public string Title { get; set; } = "";
        public string? OwnerName { get; set; }
        public string? OwnerId { get; set; }
        public long Financial { get; set; }
        public string? PaperSubmittedAt { get; set; }
        public long Withdrawn { get; set; }
        public string AddedBy { get; set; } = "";
        public string AddedAt { get; set; } = "";

        public AgendaItem ToItem() => new(
            ItemId, BoardName, MeetingId, (int)Position, Title, OwnerName, OwnerId, Financial != 0,
            PaperSubmittedAt is null ? null : DbValues.Time(PaperSubmittedAt), Withdrawn != 0, AddedBy, DbValues.Time(AddedAt));
    }
}
