using Dapper;
using PartnershipBot.Features.Reminders;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// The outbox's counts for the queue gauges: one aggregate over the unsent rows, which the (state, due_at) index
/// narrows to pending and claimed ones. Reads only states and due times, nothing about recipients or content.
/// </summary>
public sealed class ReminderQueueStats(IDatabase database) : IReminderQueueStats
{
    /// <inheritdoc />
    public async Task<ReminderQueueSnapshot> MeasureAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // ISO-8601 UTC text compares in time order on both engines (DbValues.Text), so due_at <= @now needs no cast.
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            """
            SELECT
                COALESCE(SUM(CASE WHEN state = 'pending' AND due_at <= @now THEN 1 ELSE 0 END), 0) AS Due,
                COALESCE(SUM(CASE WHEN state = 'claimed' THEN 1 ELSE 0 END), 0) AS InFlight,
                COALESCE(SUM(CASE WHEN state = 'pending' AND due_at > @now THEN 1 ELSE 0 END), 0) AS Scheduled,
                MIN(CASE WHEN state = 'claimed' OR due_at <= @now THEN due_at END) AS OldestDueAt
            FROM reminders WHERE state IN ('pending', 'claimed')
            """,
            new { now = DbValues.Text(now) }, cancellationToken: cancellationToken));
        return new ReminderQueueSnapshot(row.Due, row.InFlight, row.Scheduled, row.OldestDueAt is { } oldest ? DbValues.Time(oldest) : null);
    }

    private sealed class Row
    {
        public long Due { get; set; }
        public long InFlight { get; set; }
        public long Scheduled { get; set; }
        public string? OldestDueAt { get; set; }
    }
}
