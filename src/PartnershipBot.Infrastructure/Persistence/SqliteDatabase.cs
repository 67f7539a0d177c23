using Microsoft.Data.Sqlite;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>The embedded SQLite file: created on first use, WAL journal so readers never block the writer.</summary>
public sealed class SqliteDatabase
{
    private readonly string connectionString;
    private readonly Lazy<bool> created;

    /// <summary>Uses (and creates on first open) the database at <paramref name="path"/>.</summary>
    public SqliteDatabase(string path)
    {
        Path = path;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        created = new Lazy<bool>(Create);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens a connection with the schema in place.</summary>
    public SqliteConnection Open()
    {
        _ = created.Value;
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private bool Create()
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS conversation_references (
                conversation_id TEXT PRIMARY KEY,
                service_url TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                tenant_id TEXT NULL,
                conversation_type TEXT NULL,
                user_aad_object_id TEXT NULL,
                bot_id TEXT NOT NULL,
                reference_json TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS terms_documents (
                board_key TEXT NOT NULL,
                board_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                file_name TEXT NOT NULL,
                media_type TEXT NOT NULL,
                content BLOB NOT NULL,
                facts_json TEXT NULL,
                stored_at TEXT NOT NULL,
                stored_by TEXT NOT NULL,
                PRIMARY KEY (board_key, version));
            """;
        command.ExecuteNonQuery();
        return true;
    }
}
