using System.Data.Common;
using Dapper;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Agenda;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Boards' action logs in SQLite or PostgreSQL, numbered per board.</summary>
public sealed class ActionLogStore(IDatabase database) : IActionLog
{
    private const string Columns = """
        board_name AS BoardName, number AS Number, text AS Text, owner_name AS OwnerName, owner_id AS OwnerId, due AS Due,
        done AS Done, last_update AS LastUpdate, created_by AS CreatedBy, created_at AS CreatedAt
        """;

    private const int Attempts = 5;

    /// <inheritdoc />
    public async Task<ActionItem> AddAsync(string boardName, string text, string ownerName, string? ownerId, LocalDate? due, string createdBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var key = DbValues.BoardKey(boardName);
        // The next number is taken in the insert itself; two instances racing for it collide on the primary key, and
        // the loser takes the number after.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var number = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO board_actions (board_key, number, board_name, text, owner_name, owner_id, due, done, created_by, created_at)
                    SELECT @key, COALESCE(MAX(number), 0) + 1, @boardName, @text, @ownerName, @ownerId, @due, 0, @createdBy, @at
                    FROM board_actions WHERE board_key = @key
                    RETURNING number
                    """,
                    new { key, boardName, text, ownerName, ownerId, due = due is { } d ? LocalDatePattern.Iso.Format(d) : null, createdBy, at = DbValues.Text(at) },
                    cancellationToken: cancellationToken));
                return new ActionItem(boardName, (int)number, text, ownerName, ownerId, due, false, null, createdBy, at);
            }
            catch (DbException) when (attempt < Attempts)
            {
                // Lost the race for that number: try the next one.
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActionItem>> ListAsync(string boardName, bool openOnly, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM board_actions WHERE board_key = @key AND (@openOnly = 0 OR done = 0) ORDER BY number",
            new { key = DbValues.BoardKey(boardName), openOnly = openOnly ? 1 : 0 }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToItem())];
    }

    /// <inheritdoc />
    public async Task<ActionItem?> UpdateAsync(string boardName, int number, bool done, string? update, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            UPDATE board_actions SET done = CASE WHEN @done = 1 THEN 1 ELSE done END, last_update = COALESCE(@update, last_update), updated_at = @at
            WHERE board_key = @key AND number = @number
            RETURNING {Columns}
            """,
            new { key = DbValues.BoardKey(boardName), number, done = done ? 1 : 0, update, at = DbValues.Text(at) }, cancellationToken: cancellationToken));
        return row?.ToItem();
    }

    private sealed class Row
    {
        public string BoardName { get; set; } = "";
        public long Number { get; set; }
        public string Text { get; set; } = "";
        public string OwnerName { get; set; } = "";
        public string? OwnerId { get; set; }
        public string? Due { get; set; }
        public long Done { get; set; }
        public string? LastUpdate { get; set; }
        public string CreatedBy { get; set; } = "";
        public string CreatedAt { get; set; } = "";

        public ActionItem ToItem() => new(
            BoardName, (int)Number, Text, OwnerName, OwnerId, Due is null ? null : LocalDatePattern.Iso.Parse(Due).GetValueOrThrow(), Done != 0, LastUpdate,
            CreatedBy, DbValues.Time(CreatedAt));
    }
}
