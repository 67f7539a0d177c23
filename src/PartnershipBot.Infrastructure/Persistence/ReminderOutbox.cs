using System.Data.Common;
using Dapper;
using PartnershipBot.Features;
using PartnershipBot.Features.Reminders;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// The reminder outbox in SQLite or PostgreSQL. Claiming is one UPDATE over the due rows: on PostgreSQL the
/// inner SELECT takes <c>FOR UPDATE SKIP LOCKED</c>, so concurrent instances take disjoint rows; SQLite has
/// one writer at a time, which gives the same guarantee.
/// </summary>
public sealed class ReminderOutbox(IDatabase database, TimeProvider time) : IReminderOutbox, IReminderDeliveries
{
    private const string Columns = """
        reminder_id AS ReminderId, idempotency_key AS IdempotencyKey, board_key AS BoardKey, recipient AS Recipient,
        kind AS Kind, due_at AS DueAt, payload_json AS PayloadJson, state AS State, attempts AS Attempts, last_outcome AS LastOutcome
        """;

    /// <inheritdoc />
    public async Task<bool> EnqueueAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reminders (reminder_id, idempotency_key, board_key, recipient, kind, due_at, payload_json, state, attempts, updated_at)
            VALUES (@ReminderId, @IdempotencyKey, @BoardKey, @Recipient, @Kind, @DueAt, @PayloadJson, 'pending', 0, @Now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            new { reminder.ReminderId, reminder.IdempotencyKey, reminder.BoardKey, reminder.Recipient, reminder.Kind, DueAt = DbValues.Text(reminder.DueAt), reminder.PayloadJson, Now = DbValues.Text(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderRecord>> ClaimDueAsync(string worker, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            UPDATE reminders SET state = 'claimed', claimed_by = @worker, lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
            WHERE reminder_id IN (
                SELECT reminder_id FROM reminders
                WHERE (state = 'pending' AND due_at <= @now) OR (state = 'claimed' AND lease_until < @now)
                ORDER BY due_at LIMIT @max {database.SkipLocked})
            RETURNING {Columns}
            """,
            new { worker, now = DbValues.Text(now), leaseUntil = DbValues.Text(now + lease), max },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord()).OrderBy(r => r.DueAt)];
    }

    /// <inheritdoc />
    public async Task CompleteAsync(string reminderId, string worker, ReminderState state, ReminderOutcome outcome, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var stateText = state.ToString().ToLowerInvariant();
            // Only the worker holding the claim may complete it: a late worker whose lease expired changes nothing.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE reminders SET state = @stateText, last_outcome = @outcome, claimed_by = NULL, lease_until = NULL,
                    due_at = COALESCE(@retryAt, due_at), updated_at = @now
                WHERE reminder_id = @reminderId AND claimed_by = @worker AND state = 'claimed'
                """,
                new { reminderId, worker, stateText, outcome = ReminderOutcomes.Text(outcome), retryAt = retryAt is { } r ? DbValues.Text(r) : null, now = DbValues.Text(time.GetUtcNow()) },
                cancellationToken: cancellationToken));
        }
        catch (DbException ex)
        {
            // The dispatcher retries an unrecorded outcome; it sees the port's exception, never the provider's.
            throw new StoreUnavailableException("The reminder outbox could not record the attempt.", ex);
        }
    }

    /// <inheritdoc />
    public async Task<int> WithdrawPendingAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        await using var connection = await database.OpenAsync(cancellationToken);
        // A prefix match without LIKE, so keys holding '%' or '_' can't widen it.
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE reminders SET state = 'failed', last_outcome = @withdrawn, updated_at = @now
            WHERE state = 'pending' AND substr(idempotency_key, 1, @length) = @keyPrefix
            """,
            new { keyPrefix, length = keyPrefix.Length, withdrawn = ReminderOutcomes.Text(ReminderOutcome.Withdrawn), now = DbValues.Text(time.GetUtcNow()) }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<ReminderRecord?> FindAsync(string reminderId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reminders WHERE reminder_id = @reminderId", new { reminderId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <inheritdoc />
    public async Task<ReminderRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reminders WHERE idempotency_key = @idempotencyKey", new { idempotencyKey }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <inheritdoc />
    public async Task<bool> HoldAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Only a pending row: one claimed is already on its way and cannot be recalled.
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = 'failed', last_outcome = @held, updated_at = @now WHERE idempotency_key = @idempotencyKey AND state = 'pending'",
            new { idempotencyKey, held = ReminderOutcomes.Text(ReminderOutcome.Held), now = DbValues.Text(time.GetUtcNow()) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> RescheduleAsync(string idempotencyKey, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One guarded UPDATE: a sent, claimed or withdrawn row never matches, so pressing "send now" twice, or after
        // the dispatcher took it, cannot queue a second copy.
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE reminders SET state = 'pending', last_outcome = NULL, due_at = @dueAt, updated_at = @now
            WHERE idempotency_key = @idempotencyKey AND (state = 'pending' OR (state = 'failed' AND last_outcome = @held))
            """,
            new { idempotencyKey, dueAt = DbValues.Text(dueAt), held = ReminderOutcomes.Text(ReminderOutcome.Held), now = DbValues.Text(time.GetUtcNow()) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderRecord>> ForBoardAsync(string boardKey, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(boardKey);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reminders WHERE board_key = @boardKey ORDER BY due_at DESC, reminder_id LIMIT @max",
            new { boardKey, max }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <inheritdoc />
    public async Task<bool> RequeueFailedAsync(string reminderId, int seenAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One guarded UPDATE: the attempts count is the version the presser saw (a claim adds one), so a double press
        // or a press after the dispatcher has taken the row again matches nothing. The due time stays: it is already
        // past, so the next pass takes the row, and the card still says when it was meant to arrive.
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE reminders SET state = 'pending', updated_at = @now
            WHERE reminder_id = @reminderId AND state = 'failed' AND attempts = @seenAttempts
                AND last_outcome IS NOT NULL AND last_outcome <> @withdrawn AND last_outcome <> @held
            """,
            new { reminderId, seenAttempts, withdrawn = ReminderOutcomes.Text(ReminderOutcome.Withdrawn), held = ReminderOutcomes.Text(ReminderOutcome.Held), now = DbValues.Text(time.GetUtcNow()) },
            cancellationToken: cancellationToken)) == 1;
    }

    private sealed class Row
    {
        public string ReminderId { get; set; } = "";
        public string IdempotencyKey { get; set; } = "";
        public string BoardKey { get; set; } = "";
        public string Recipient { get; set; } = "";
        public string Kind { get; set; } = "";
        public string DueAt { get; set; } = "";
        public string PayloadJson { get; set; } = "";
        public string State { get; set; } = "";
        public int Attempts { get; set; }
        public string? LastOutcome { get; set; }

        public ReminderRecord ToRecord() => new(
            ReminderId, IdempotencyKey, BoardKey, Recipient, Kind,
            DbValues.Time(DueAt), PayloadJson,
            Enum.Parse<ReminderState>(State, ignoreCase: true), Attempts, LastOutcome is null ? null : ReminderOutcomes.Parse(LastOutcome));
    }
}
