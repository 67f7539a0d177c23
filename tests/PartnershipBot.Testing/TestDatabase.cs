using Npgsql;
using PartnershipBot.Infrastructure.Persistence;

namespace PartnershipBot.Testing;

/// <summary>
/// A fresh, empty database per test on each provider: a temp SQLite file, or a throwaway schema on the
/// PostgreSQL server named by PARTNERSHIPBOT_TEST_POSTGRES (started by .ci/run on loopback).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "PARTNERSHIPBOT_TEST_POSTGRES";

    /// <summary>The register key the PostgreSQL test databases are chained under (PostgreSQL needs one configured).</summary>
    public const string RegisterKeyText = "partnershipbot-tests-register-key-not-a-secret";

    /// <summary><see cref="RegisterKeyText"/> as a key.</summary>
    public static Infrastructure.Persistence.Integrity.RegisterKey RegisterKey { get; } =
        Infrastructure.Persistence.Integrity.RegisterKey.FromText(RegisterKeyText, "tests");
    private readonly Func<ValueTask> cleanup;

    private TestDatabase(string provider, Func<IDatabase> factory, Func<ValueTask> cleanup)
    {
        Provider = provider;
        Factory = factory;
        this.cleanup = cleanup;
    }

    /// <summary>"sqlite" or "postgres".</summary>
    public string Provider { get; }

    /// <summary>Makes another handle on the same database, as a second instance of the bot would.</summary>
    public Func<IDatabase> Factory { get; }

    /// <summary>
    /// The providers to run a store contract on: SQLite always; PostgreSQL when the server is configured,
    /// and always in CI, where a missing server must fail rather than skip.
    /// </summary>
    public static IReadOnlyList<string> Providers()
    {
        var providers = new List<string> { "sqlite" };
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable)) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            providers.Add("postgres");
        }

        return providers;
    }

    /// <summary>A fresh database on <paramref name="provider"/> ("sqlite" or "postgres").</summary>
    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var directory = Directory.CreateTempSubdirectory("pb-db-").FullName;
            var path = Path.Combine(directory, "partnershipbot.db");
            return new TestDatabase(provider, () => new SqliteDatabase(path), () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
                return ValueTask.CompletedTask;
            })
            {
                Settings = new Dictionary<string, string> { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = directory },
            };
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set: .ci/run starts PostgreSQL and sets it.");
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        return new TestDatabase(provider, () => new PostgresDatabase(connectionString, registerKey: RegisterKey), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        })
        {
            Settings = new Dictionary<string, string> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:PartnershipBot"] = connectionString, ["Declarations:RegisterKey"] = RegisterKeyText },
        };
    }

    /// <summary>Settings that point the bot at this database (as environment variables or configuration).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private init; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => cleanup();
}
