using System.Data.Common;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Which database engine holds the bot's state.</summary>
public enum StorageProvider
{
    /// <summary>One embedded file (the default; one instance).</summary>
    Sqlite,
    /// <summary>A shared server (several instances behind a load balancer).</summary>
    Postgres,
}

/// <summary>
/// The bot's database, whichever engine it is. The stores' SQL is written once for both engines (ISO
/// text timestamps, INSERT ... ON CONFLICT, RETURNING); the few places that differ ask the provider.
/// The schema is migrated before the first connection is handed out.
/// </summary>
public interface IDatabase
{
    /// <summary>The engine.</summary>
    StorageProvider Provider { get; }

    /// <summary>Opens a connection with the schema up to date.</summary>
    ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A statement that serialises writers on one key inside a transaction (PostgreSQL advisory lock, taking
    /// the key as @key), or null where the engine's transaction already does (SQLite's single writer).
    /// </summary>
    string? KeyLockSql => Provider == StorageProvider.Postgres ? "SELECT pg_advisory_xact_lock(hashtext(@key))" : null;

    /// <summary>The key the register and audit log are chained under, or null when none is configured (nothing can be appended).</summary>
    Integrity.RegisterKey? RegisterKey { get; }

    /// <summary>Where checkpoints are published outside the database.</summary>
    Integrity.RegisterAnchor Anchor { get; }

    /// <summary>The row-lock clause for claiming work: <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, nothing on SQLite.</summary>
    string SkipLocked => Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : string.Empty;
}

/// <summary>Helpers over <see cref="IDatabase"/>.</summary>
public static class DatabaseExtensions
{
    /// <summary>The register key, or a clear refusal: an unkeyed entry would be one anyone with the database could forge.</summary>
    /// <exception cref="InvalidOperationException">No key is configured.</exception>
    public static Integrity.RegisterKey RequireRegisterKey(this IDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.RegisterKey ?? throw new InvalidOperationException(
            $"{Integrity.RegisterKey.ConfigurationKey} is not set: the declarations register and the audit log are chained under it. Put it in Key Vault (base64 of 32 random bytes) and configure it.");
    }
}
