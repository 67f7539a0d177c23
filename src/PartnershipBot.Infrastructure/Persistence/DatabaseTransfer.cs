using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// A portable JSON dump of every table, so a deployment can move from SQLite to PostgreSQL (or back up
/// either). Import goes into an empty, migrated database in one transaction: all of it or none of it.
/// </summary>
public static class DatabaseTransfer
{
    /// <summary>Tables in an order that respects their relationships.</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "boards", "terms_documents", "people", "board_roles", "conversation_boards", "conversation_references",
        "meetings", "reminders", "declarations", "audit_log", "pending_uploads", "meeting_apologies", "reminder_responses", "declaration_presses",
        "declaration_items", "agenda_items", "paper_versions", "late_paper_decisions", "board_actions", "board_standing_items", "meeting_attendees", "meeting_attendance",
        "board_tenants", "conversation_last_boards", "standing_interests", "standing_interest_presses",
        "register_checkpoints",
    ];

    private static readonly HashSet<string> BinaryColumns = ["content"];
    private static readonly HashSet<string> IdentityTables = ["declarations", "audit_log", "register_checkpoints", "standing_interests"];

    /// <summary>Writes every table's rows as JSON.</summary>
    public static async Task<int> ExportAsync(IDatabase database, Stream output, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        var tables = new JsonObject();
        var total = 0;
        foreach (var table in Tables)
        {
            var rows = new JsonArray();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new JsonObject();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                    {
                        byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
                        string text => JsonValue.Create(text),
                        bool flag => JsonValue.Create(flag ? 1L : 0L),
                        var number => JsonValue.Create(Convert.ToInt64(number, CultureInfo.InvariantCulture)),
                    };
                }

                rows.Add(row);
                total++;
            }

            tables[table] = rows;
        }

        var document = new JsonObject
        {
            ["format"] = "partnershipbot-export",
            ["schemaVersion"] = Migrator.Scripts(database.Provider).Max(s => s.Version),
            ["exportedAt"] = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["source"] = database.Provider.ToString(),
            ["tables"] = tables,
        };
        await JsonSerializer.SerializeAsync(output, document, TransferJsonContext.Default.JsonObject, cancellationToken);
        return total;
    }

    /// <summary>Loads a dump into <paramref name="database"/>, which must hold no rows yet.</summary>
    /// <exception cref="InvalidDataException">The file is not an export, or the database is not empty.</exception>
    public static async Task<int> ImportAsync(IDatabase database, Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var document = await JsonSerializer.DeserializeAsync(input, TransferJsonContext.Default.JsonObject, cancellationToken);
        if (document?["format"]?.GetValue<string>() != "partnershipbot-export" || document["tables"] is not JsonObject tables)
        {
            throw new InvalidDataException("This is not a PartnershipBot export (expected \"format\": \"partnershipbot-export\").");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in Tables)
        {
            await using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = $"SELECT COUNT(*) FROM {table}";
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                throw new InvalidDataException($"The target database already has rows in {table}; import only into an empty database.");
            }
        }

        var unknownTables = tables.Select(t => t.Key).Where(t => !Tables.Contains(t)).ToList();
        if (unknownTables.Count > 0)
        {
            throw new InvalidDataException($"The export has tables this database doesn't: {string.Join(", ", unknownTables.Select(Printable))}. Nothing was imported.");
        }

        var total = 0;
        foreach (var table in Tables)
        {
            var live = await LiveColumnsAsync(connection, transaction, table, cancellationToken);
            foreach (var row in (tables[table] as JsonArray ?? []).OfType<JsonObject>())
            {
                await InsertAsync(connection, transaction, database.Provider, table, live, row, cancellationToken);
                total++;
            }

            if (database.Provider == StorageProvider.Postgres && IdentityTables.Contains(table))
            {
                await using var resync = connection.CreateCommand();
                resync.Transaction = transaction;
                resync.CommandText = $"SELECT setval(pg_get_serial_sequence('{table}', 'sequence'), COALESCE((SELECT MAX(sequence) FROM {table}), 0) + 1, false)";
                await resync.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return total;
    }

    /// <summary>The columns <paramref name="table"/> has in this database (read from the database, never from the dump).</summary>
    private static async Task<HashSet<string>> LiveColumnsAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = $"SELECT * FROM {Quote(table)} WHERE 1 = 0";
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    /// <summary>A quoted SQL identifier (the same on SQLite and PostgreSQL).</summary>
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Printable(string name) => Protocol.Hosting.LogText.Clean(name);

    private static async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, StorageProvider provider, string table, HashSet<string> live, JsonObject row, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        var columns = row.Select(p => p.Key).ToList();
        // Only the live schema's columns are accepted: a dump's column names are data, and once went into the SQL.
        if (columns.FirstOrDefault(c => !live.Contains(c)) is { } unknown)
        {
            throw new InvalidDataException($"The export's {table} rows have a column this database doesn't: {Printable(unknown)}. Nothing was imported.");
        }

        // Identity columns keep their exported values so the declarations hash chain stays in order.
        var overriding = provider == StorageProvider.Postgres && IdentityTables.Contains(table) ? " OVERRIDING SYSTEM VALUE" : string.Empty;
        insert.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(Quote))}){overriding} VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < columns.Count; i++)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = row[columns[i]] switch
            {
                null => DBNull.Value,
                JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<long>(),
                JsonValue value when BinaryColumns.Contains(columns[i]) => Convert.FromBase64String(value.GetValue<string>()),
                JsonValue value => value.GetValue<string>(),
                _ => throw new InvalidDataException($"Unexpected value in {table}.{columns[i]}."),
            };
            insert.Parameters.Add(parameter);
        }

        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>JSON for export files.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class TransferJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
