using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// Forward-only, versioned migrations: embedded scripts named <c>NNNN_description.sql</c> per provider,
/// applied in order inside one transaction each and recorded in <c>schema_migrations</c>. A writer lock
/// taken first (PostgreSQL advisory lock; SQLite's immediate transaction) makes concurrent starts safe.
/// </summary>
public static class Migrator
{
    /// <summary>The scripts for <paramref name="provider"/>, by version.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(StorageProvider provider)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"PartnershipBot.Infrastructure.Persistence.Migrations.{provider}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Name: n[prefix.Length..^4], Resource: n))
            .Select(n => (int.Parse(n.Name[..4], CultureInfo.InvariantCulture), n.Name, Read(assembly, n.Resource)))
            .OrderBy(s => s.Item1)];
    }

    /// <summary>A line in a script where code runs between its two halves (the re-chain needs the key, which SQL never sees).</summary>
    public const string RechainStep = "-- @step: rechain-registers";

    /// <summary>
    /// Applies the scripts not yet recorded; returns the versions applied by this call. When every script is already
    /// recorded nothing but reads is issued, so the bot can run as a PostgreSQL role that owns nothing (migrations
    /// are then applied with <c>db migrate</c> as the owner).
    /// </summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(
        DbConnection connection, StorageProvider provider, string? lockSql, DateTimeOffset now, Integrity.RegisterKey? registerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (lockSql is not null)
        {
            await ExecuteAsync(connection, transaction, lockSql, cancellationToken);
        }

        var scripts = Scripts(provider);
        var exists = provider == StorageProvider.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            : "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = 'schema_migrations' AND schemaname = current_schema()";
        var done = Convert.ToInt64(await ScalarAsync(connection, transaction, exists, cancellationToken), CultureInfo.InvariantCulture) > 0
            ? await DoneAsync(connection, transaction, cancellationToken)
            : [];
        if (scripts.All(s => done.Contains(s.Version)))
        {
            await transaction.CommitAsync(cancellationToken);
            return [];
        }

        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", cancellationToken);
        var applied = new List<int>();
        foreach (var (version, name, sql) in scripts.Where(s => !done.Contains(s.Version)))
        {
            var step = sql.IndexOf(RechainStep, StringComparison.Ordinal);
            if (step < 0)
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
            }
            else
            {
                await ExecuteAsync(connection, transaction, sql[..step], cancellationToken);
                await Integrity.RegisterRechain.RunAsync(connection, transaction, provider, registerKey, now, cancellationToken);
                await ExecuteAsync(connection, transaction, sql[(step + RechainStep.Length)..], cancellationToken);
            }

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)";
            AddParameter(record, "version", version);
            AddParameter(record, "name", name);
            AddParameter(record, "at", now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(version);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task<HashSet<int>> DoneAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var done = new HashSet<int>();
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT version FROM schema_migrations";
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            done.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return done;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
