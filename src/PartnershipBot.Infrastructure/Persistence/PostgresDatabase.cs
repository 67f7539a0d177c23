using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using PartnershipBot.Infrastructure.Persistence.Integrity;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL for deployments with several instances. Migrations run under an advisory lock, so instances
/// starting together apply each migration exactly once.
/// </summary>
public sealed class PostgresDatabase : IDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly EntraPasswordProvider? entraPassword;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeProvider time;
    private bool migrated;

    /// <summary>
    /// Connects with <paramref name="connectionString"/> (ConnectionStrings:PartnershipBot). The register key must be
    /// given (several instances share the chain, so no instance may make up its own); checkpoints go to <paramref name="log"/>.
    /// With <paramref name="entraPassword"/> (owned from then on), each new connection signs in with an Entra access token instead of a password.
    /// </summary>
    public PostgresDatabase(
        string connectionString, TimeProvider? time = null, RegisterKey? registerKey = null, ILogger? log = null, EntraPasswordProvider? entraPassword = null)
    {
        this.time = time ?? TimeProvider.System;
        RegisterKey = registerKey;
        Anchor = new RegisterAnchor(null, log);
        this.entraPassword = entraPassword;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (entraPassword is not null)
        {
            builder.UsePasswordProvider(_ => entraPassword.GetPassword(), (_, cancellationToken) => entraPassword.GetPasswordAsync(cancellationToken));
        }

        dataSource = builder.Build();
    }

    /// <inheritdoc />
    public StorageProvider Provider => StorageProvider.Postgres;

    /// <inheritdoc />
    public RegisterKey? RegisterKey { get; }

    /// <inheritdoc />
    public RegisterAnchor Anchor { get; }

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
            var applied = await Migrator.ApplyAsync(connection, StorageProvider.Postgres, "SELECT pg_advisory_xact_lock(7212026001)", time.GetUtcNow(), RegisterKey, cancellationToken);
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
        entraPassword?.Dispose();
        return dataSource.DisposeAsync();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        gate.Dispose();
        entraPassword?.Dispose();
        dataSource.Dispose();
    }
}
