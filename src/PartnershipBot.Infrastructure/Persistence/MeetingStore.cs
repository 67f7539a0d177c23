using Dapper;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Board meetings in SQLite or PostgreSQL.</summary>
public sealed class MeetingStore(IDatabase database) : IMeetingStore
{
    /// <inheritdoc />
    public async Task<bool> AddAsync(MeetingRecord meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO meetings (meeting_id, board_key, board_name, conversation_id, graph_event_id, series_id, starts_at, ends_at, status, updated_at)
            VALUES (@MeetingId, @key, @BoardName, @ConversationId, @GraphEventId, NULL, @starts, @ends, @status, @now)
            ON CONFLICT (meeting_id) DO NOTHING
            """,
            new
            {
                meeting.MeetingId, key = DbValues.BoardKey(meeting.BoardName), meeting.BoardName, meeting.ConversationId, meeting.GraphEventId,
                starts = DbValues.Text(meeting.StartsAt), ends = DbValues.Text(meeting.EndsAt), status = meeting.Cancelled ? "cancelled" : "scheduled", now = DbValues.Text(now),
            },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MeetingRecord>> UpcomingAsync(string boardName, DateTimeOffset from, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT meeting_id AS MeetingId, board_name AS BoardName, conversation_id AS ConversationId, starts_at AS StartsAt, ends_at AS EndsAt, graph_event_id AS GraphEventId
            FROM meetings WHERE board_key = @key AND status = 'scheduled' AND starts_at >= @from ORDER BY starts_at LIMIT @max
            """,
            new { key = DbValues.BoardKey(boardName), from = DbValues.Text(from), max }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new MeetingRecord(r.MeetingId, r.BoardName, r.ConversationId, DbValues.Time(r.StartsAt), DbValues.Time(r.EndsAt), r.GraphEventId))];
    }

    private sealed class Row
    {
        public string MeetingId { get; set; } = "";
        public string BoardName { get; set; } = "";
        public string? ConversationId { get; set; }
        public string StartsAt { get; set; } = "";
        public string EndsAt { get; set; } = "";
        public string? GraphEventId { get; set; }
    }
}
