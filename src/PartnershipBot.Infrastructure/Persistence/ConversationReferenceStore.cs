using Dapper;
using PartnershipBot.Features.Conversations;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// Conversation references, in SQLite or PostgreSQL (the SQL is common to both). Saves from concurrent turns
/// share a commit (<see cref="GroupCommit{T}"/>): every turn in a new conversation stores its reference before
/// it is answered, and one commit per turn made the store the limit on turns per second.
/// </summary>
public sealed class ConversationReferenceStore : IConversationReferenceStore
{
    private const string Columns = """
        conversation_id AS ConversationId, service_url AS ServiceUrl, channel_id AS ChannelId, tenant_id AS TenantId,
        conversation_type AS ConversationType, user_aad_object_id AS UserAadObjectId, bot_id AS BotId,
        reference_json AS ReferenceJson, updated_at AS UpdatedAt
        """;

    private const string Upsert = """
        INSERT INTO conversation_references VALUES (@ConversationId, @ServiceUrl, @ChannelId, @TenantId,
            @ConversationType, @UserAadObjectId, @BotId, @ReferenceJson, @UpdatedAt)
        ON CONFLICT(conversation_id) DO UPDATE SET service_url = excluded.service_url, channel_id = excluded.channel_id,
            tenant_id = excluded.tenant_id, conversation_type = excluded.conversation_type,
            user_aad_object_id = excluded.user_aad_object_id, bot_id = excluded.bot_id,
            reference_json = excluded.reference_json, updated_at = excluded.updated_at
        """;

    // The Upsert's parameters, in the order the row's values are given.
    private static readonly string[] UpsertParameters =
        ["@ConversationId", "@ServiceUrl", "@ChannelId", "@TenantId", "@ConversationType", "@UserAadObjectId", "@BotId", "@ReferenceJson", "@UpdatedAt"];

    private readonly IDatabase database;
    private readonly GroupCommit<ConversationReferenceRecord> saves;

    /// <summary>The store over <paramref name="database"/>.</summary>
    public ConversationReferenceStore(IDatabase database)
    {
        this.database = database;
        saves = new GroupCommit<ConversationReferenceRecord>(SaveBatchAsync);
    }

    /// <inheritdoc />
    public Task SaveAsync(ConversationReferenceRecord reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return saves.WriteAsync(reference, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ConversationReferenceRecord?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        QuerySingleAsync($"SELECT {Columns} FROM conversation_references WHERE conversation_id = @conversationId", new { conversationId }, cancellationToken);

    /// <inheritdoc />
    public Task<ConversationReferenceRecord?> FindPersonalByUserAsync(string userAadObjectId, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            $"SELECT {Columns} FROM conversation_references WHERE user_aad_object_id = @userAadObjectId AND conversation_type = 'personal' ORDER BY updated_at DESC LIMIT 1",
            new { userAadObjectId },
            cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM conversation_references WHERE conversation_id = @conversationId", new { conversationId }, cancellationToken: cancellationToken));
        return removed > 0;
    }

    private async Task SaveBatchAsync(IReadOnlyList<ConversationReferenceRecord> references, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One command for the batch, its parameters re-bound per row: the statement is prepared once, not per row.
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = Upsert;
        var parameters = UpsertParameters.Select(name =>
        {
            var parameter = upsert.CreateParameter();
            parameter.ParameterName = name;
            upsert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var r in references)
        {
            object?[] values = [r.ConversationId, r.ServiceUrl, r.ChannelId, r.TenantId, r.ConversationType, r.UserAadObjectId, r.BotId, r.ReferenceJson, DbValues.Text(r.UpdatedAt)];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<ConversationReferenceRecord?> QuerySingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new ConversationReferenceRecord(
                row.ConversationId, row.ServiceUrl, row.ChannelId, row.TenantId, row.ConversationType, row.UserAadObjectId,
                row.BotId, row.ReferenceJson, DbValues.Time(row.UpdatedAt));
    }

    // Dapper maps by name onto settable properties; text dates are parsed explicitly above.
    private sealed class Row
    {
        public string ConversationId { get; set; } = "";
        public string ServiceUrl { get; set; } = "";
        public string ChannelId { get; set; } = "";
        public string? TenantId { get; set; }
        public string? ConversationType { get; set; }
        public string? UserAadObjectId { get; set; }
        public string BotId { get; set; } = "";
        public string ReferenceJson { get; set; } = "";
        public string UpdatedAt { get; set; } = "";
    }
}
