using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PartnershipBot.Infrastructure.Persistence.Integrity;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// The embedded SQLite file: created and migrated on first use, WAL journal so readers never block the
/// writer, foreign keys on, and a busy timeout so two processes sharing the file wait instead of failing.
/// </summary>
public sealed class SqliteDatabase : IDatabase, IDisposable
{
    private readonly string connectionString;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeProvider time;
    private static readonly object Configured = new();
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> configured = new();
    private readonly Lazy<RegisterKey> registerKey;
    private bool migrated;

    /// <summary>
    /// Uses (and creates on first open) the database at <paramref name="path"/>. Without <paramref name="registerKey"/>
    /// the register key is kept in <c>register.key</c> beside the file (generated on first use); checkpoints are
    /// published to <c>register-head.json</c> there and to <paramref name="log"/>.
    /// </summary>
    public SqliteDatabase(string path, TimeProvider? time = null, RegisterKey? registerKey = null, ILogger? log = null)
    {
        this.time = time ?? TimeProvider.System;
        Path = path;
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        this.registerKey = new Lazy<RegisterKey>(() => registerKey ?? RegisterKey.FromFile(directory));
        Anchor = new RegisterAnchor(System.IO.Path.Combine(directory, RegisterAnchor.FileName), log);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public StorageProvider Provider => StorageProvider.Sqlite;

    /// <inheritdoc />
    public RegisterKey? RegisterKey => registerKey.Value;

    /// <inheritdoc />
    public RegisterAnchor Anchor { get; }

    /// <inheritdoc />
    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!migrated)
        {
            await MigrateAsync(cancellationToken);
        }

        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = await OpenRawAsync(cancellationToken);
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }

            var applied = await Migrator.ApplyAsync(connection, StorageProvider.Sqlite, lockSql: null, time.GetUtcNow(), RegisterKey, cancellationToken);
            migrated = true;
            return applied;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // The settings belong to the native connection, which the pool keeps open between uses: set them once per
        // native connection, not on every open (a statement per open was a measurable share of each turn).
        if (connection.Handle is { } handle && !configured.TryGetValue(handle, out _))
        {
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            configured.AddOrUpdate(handle, Configured);
        }

        return connection;
    }
}
