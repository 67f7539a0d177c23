using System.Data.Common;
using Npgsql;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL for deployments with several instances. Migrations run under an advisory lock, so instances
/// starting together apply each migration exactly once.
/// </summary>
public sealed class PostgresDatabase : IDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeProvider time;
    private bool migrated;

    /// <summary>Connects with <paramref name="connectionString"/> (ConnectionStrings:PartnershipBot).</summary>
    public PostgresDatabase(string connectionString, TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    public StorageProvider Provider => StorageProvider.Postgres;

    /// <inheritdoc />
    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!migrated)
        {
            await MigrateAsync(cancellationToken);
        }

        return await dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var applied = await Migrator.ApplyAsync(connection, StorageProvider.Postgres, "SELECT pg_advisory_xact_lock(7212026001)", time.GetUtcNow(), cancellationToken);
            migrated = true;
            return applied;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        gate.Dispose();
        return dataSource.DisposeAsync();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        gate.Dispose();
        dataSource.Dispose();
    }
}
