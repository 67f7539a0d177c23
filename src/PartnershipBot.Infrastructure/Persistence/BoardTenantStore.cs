using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using PartnershipBot.Features.Boards;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// Board → tenant claims in <c>board_tenants</c>. A claim never changes once made, so every claim read is cached for
/// good; every question asks for the tenants of all boards, so this keeps the database out of a turn. On SQLite this
/// process is the only writer, so after one full read an uncached board is known to be unclaimed; on a shared
/// PostgreSQL another instance may claim a board at any time, so unclaimed boards are read again.
/// </summary>
public sealed class BoardTenantStore(IDatabase database) : IBoardTenancy
{
    private readonly ConcurrentDictionary<string, string> claimed = new(StringComparer.Ordinal);
    private volatile bool allLoaded;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string?>> TenantsOfAsync(IReadOnlyList<string> boardNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(boardNames);
        var keys = boardNames.Select(DbValues.BoardKey).ToList();
        if (!keys.TrueForAll(claimed.ContainsKey) && !allLoaded)
        {
            await ReadAsync(keys.Where(k => !claimed.ContainsKey(k)).Distinct().ToList(), cancellationToken);
        }

        return [.. keys.Select(k => claimed.TryGetValue(k, out var tenant) ? tenant : null)];
    }

    /// <inheritdoc />
    public async Task<string> ClaimAsync(string boardName, string tenantId, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(boardName);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var key = DbValues.BoardKey(boardName);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO board_tenants (board_key, board_name, tenant_id, claimed_by, claimed_at) VALUES (@key, @boardName, @tenantId, @actor, @at)
            ON CONFLICT (board_key) DO NOTHING
            """,
            new { key, boardName, tenantId, actor, at = DbValues.Text(at) }, transaction, cancellationToken: cancellationToken));
        var owner = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT tenant_id FROM board_tenants WHERE board_key = @key", new { key }, transaction, cancellationToken: cancellationToken));
        Integrity.RegisterCheckpoint? checkpoint = null;
        if (inserted > 0)
        {
            // The claim joins the keyed audit chain like every other audited change.
            checkpoint = await Integrity.RegisterChains.AppendAuditAsync(
                database, connection, transaction, at, actor, AuditAction.BoardTenant, boardName, JsonSerializer.Serialize(new { tenant = tenantId }), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (checkpoint is not null)
        {
            database.Anchor.Publish(checkpoint, database.RequireRegisterKey().Id);
        }

        claimed[key] = owner;
        return owner;
    }

    private async Task ReadAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var everything = database.Provider == StorageProvider.Sqlite;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = everything
            ? await connection.QueryAsync<(string Key, string Tenant)>(new CommandDefinition(
                "SELECT board_key, tenant_id FROM board_tenants", cancellationToken: cancellationToken))
            : await connection.QueryAsync<(string Key, string Tenant)>(new CommandDefinition(
                "SELECT board_key, tenant_id FROM board_tenants WHERE board_key = ANY(@keys)", new { keys = keys.ToArray() }, cancellationToken: cancellationToken));
        foreach (var (key, tenant) in rows)
        {
            claimed[key] = tenant;
        }

        // Only this process writes an embedded database, and its own claims land in the cache as they are made.
        allLoaded = everything;
    }
}
