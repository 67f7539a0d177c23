using Dapper;
using PartnershipBot.Features.Agenda.Papers;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Late-paper decisions in SQLite or PostgreSQL.</summary>
public sealed class LatePaperDecisionStore(IDatabase database) : ILatePaperDecisions
{
    private const string Columns = """
        item_id AS ItemId, board_name AS BoardName, meeting_id AS MeetingId, accepted AS Accepted, decided_by AS DecidedBy,
        decider_name AS DeciderName, decided_at AS DecidedAt
        """;

    /// <inheritdoc />
    public async Task<(LatePaperDecision Decision, bool Recorded)> DecideAsync(LatePaperDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO late_paper_decisions (item_id, board_key, board_name, meeting_id, accepted, decided_by, decider_name, decided_at)
            VALUES (@ItemId, @key, @BoardName, @MeetingId, @accepted, @DecidedBy, @DeciderName, @at)
            ON CONFLICT (item_id) DO NOTHING
            """,
            new
            {
                decision.ItemId, key = DbValues.BoardKey(decision.BoardName), decision.BoardName, decision.MeetingId, accepted = decision.Accepted ? 1 : 0,
                decision.DecidedBy, decision.DeciderName, at = DbValues.Text(decision.DecidedAt),
            },
            cancellationToken: cancellationToken));
        var stored = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM late_paper_decisions WHERE item_id = @ItemId", new { decision.ItemId }, cancellationToken: cancellationToken));
        return (stored.ToDecision(), inserted == 1);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LatePaperDecision>> ForMeetingAsync(string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM late_paper_decisions WHERE meeting_id = @meetingId", new { meetingId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDecision())];
    }

    private sealed class Row
    {
        public string ItemId { get; set; } = "";
        public string BoardName { get; set; } = "";
        public string MeetingId { get; set; } = "";
        public long Accepted { get; set; }
        public string DecidedBy { get; set; } = "";
        public string? DeciderName { get; set; }
        public string DecidedAt { get; set; } = "";

        public LatePaperDecision ToDecision() => new(ItemId, BoardName, MeetingId, Accepted != 0, DecidedBy, DeciderName, DbValues.Time(DecidedAt));
    }
}
