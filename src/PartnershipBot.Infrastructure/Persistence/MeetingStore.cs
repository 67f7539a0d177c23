using Dapper;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Board meetings in SQLite or PostgreSQL.</summary>
public sealed class MeetingStore(IDatabase database) : IMeetingStore
{
    private const string Columns = """
        meeting_id AS MeetingId, board_name AS BoardName, conversation_id AS ConversationId, starts_at AS StartsAt, ends_at AS EndsAt,
        graph_event_id AS GraphEventId, series_id AS SeriesId, venue AS Venue, status AS Status
        """;

    /// <inheritdoc />
    public async Task<bool> AddAsync(MeetingRecord meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO meetings (meeting_id, board_key, board_name, conversation_id, graph_event_id, series_id, venue, starts_at, ends_at, status, updated_at)
            VALUES (@MeetingId, @key, @BoardName, @ConversationId, @GraphEventId, @SeriesId, @Venue, @starts, @ends, @status, @now)
            ON CONFLICT (meeting_id) DO NOTHING
            """,
            Parameters(meeting, now), cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(MeetingRecord meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE meetings SET graph_event_id = @GraphEventId, series_id = @SeriesId, venue = @Venue, starts_at = @starts, ends_at = @ends, status = @status, updated_at = @now
            WHERE meeting_id = @MeetingId
            """,
            Parameters(meeting, now), cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<MeetingRecord?> FindAsync(string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM meetings WHERE meeting_id = @meetingId", new { meetingId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MeetingRecord>> UpcomingAsync(string boardName, DateTimeOffset from, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns}
            FROM meetings WHERE board_key = @key AND status = 'scheduled' AND starts_at >= @from ORDER BY starts_at LIMIT @max
            """,
            new { key = DbValues.BoardKey(boardName), from = DbValues.Text(from), max }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> BoardsWithBookedMeetingsAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var boards = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT MIN(board_name) FROM meetings WHERE graph_event_id IS NOT NULL AND status = 'scheduled' AND starts_at >= @from GROUP BY board_key ORDER BY 1",
            new { from = DbValues.Text(from) }, cancellationToken: cancellationToken));
        return [.. boards];
    }

    private static object Parameters(MeetingRecord meeting, DateTimeOffset now) => new
    {
        meeting.MeetingId, key = DbValues.BoardKey(meeting.BoardName), meeting.BoardName, meeting.ConversationId, meeting.GraphEventId, meeting.SeriesId, meeting.Venue,
        starts = DbValues.Text(meeting.StartsAt), ends = DbValues.Text(meeting.EndsAt), status = meeting.Cancelled ? "cancelled" : "scheduled", now = DbValues.Text(now),
    };

    private sealed class Row
    {
        public string MeetingId { get; set; } = "";
        public string BoardName { get; set; } = "";
        public string? ConversationId { get; set; }
        public string StartsAt { get; set; } = "";
        public string EndsAt { get; set; } = "";
        public string? GraphEventId { get; set; }
        public string? SeriesId { get; set; }
        public string? Venue { get; set; }
        public string Status { get; set; } = "";

        public MeetingRecord ToRecord() =>
            new(MeetingId, BoardName, ConversationId, DbValues.Time(StartsAt), DbValues.Time(EndsAt), GraphEventId, Status == "cancelled", SeriesId, Venue);
    }
}
