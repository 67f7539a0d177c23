using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace PartnershipBot.Infrastructure.Persistence.Integrity;

/// <summary>
/// Publishes each checkpoint outside the database, so deleting the last entries together with their checkpoints is
/// still caught: to the log (the audit stream; Application Insights keeps it apart from the database) always, and,
/// with embedded storage, to <c>register-head.json</c> beside the database file, which <c>declarations verify</c> reads.
/// </summary>
public sealed partial class RegisterAnchor(string? filePath, ILogger? logger)
{
    /// <summary>The head file's name in the data directory.</summary>
    public const string FileName = "register-head.json";

    private readonly Lock gate = new();

    /// <summary>The head file, or null (PostgreSQL: several instances, the log is the anchor).</summary>
    public string? FilePath { get; } = filePath;

    /// <summary>Publishes a committed checkpoint.</summary>
    public void Publish(RegisterCheckpoint checkpoint, string keyId)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (logger is not null)
        {
            LogCheckpoint(logger, checkpoint.Chain, checkpoint.Entries, checkpoint.Head, checkpoint.Mac, keyId);
        }

        if (FilePath is null)
        {
            return;
        }

        lock (gate)
        {
            var heads = ReadFile() ?? new JsonObject();
            // A slower writer must not move the anchor back.
            if (heads[checkpoint.Chain] is JsonObject current && current["entries"]?.GetValue<long>() > checkpoint.Entries)
            {
                return;
            }

            heads[checkpoint.Chain] = new JsonObject
            {
                ["entries"] = checkpoint.Entries, ["head"] = checkpoint.Head, ["at"] = DbValues.Text(checkpoint.At), ["mac"] = checkpoint.Mac, ["key"] = keyId,
            };
            var temporary = FilePath + ".tmp";
            File.WriteAllText(temporary, heads.ToJsonString());
            File.Move(temporary, FilePath, overwrite: true);
        }
    }

    /// <summary>The checkpoints in the head file, by chain (empty when there is none).</summary>
    public IReadOnlyDictionary<string, RegisterCheckpoint> Read()
    {
        lock (gate)
        {
            var heads = ReadFile();
            var result = new Dictionary<string, RegisterCheckpoint>();
            foreach (var (chain, node) in heads ?? [])
            {
                if (node is JsonObject head && head["entries"] is { } entries && head["head"] is { } hash && head["mac"] is { } mac && head["at"] is { } at)
                {
                    result[chain] = new RegisterCheckpoint(chain, entries.GetValue<long>(), hash.GetValue<string>(), DbValues.Time(at.GetValue<string>()), mac.GetValue<string>());
                }
            }

            return result;
        }
    }

    private JsonObject? ReadFile()
    {
        if (FilePath is null || !File.Exists(FilePath))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(FilePath)) as JsonObject;
        }
        catch (JsonException)
        {
            return new JsonObject { ["unreadable"] = true };
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Register checkpoint {Chain}: {Entries} entries, head {Head}, mac {Mac} (key {KeyId})")]
    private static partial void LogCheckpoint(ILogger logger, string chain, long entries, string head, string mac, string keyId);
}
