using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Microsoft.Extensions.Logging;
using NodaTime.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Tab;

/// <summary>
/// A board's audit log for the tab, one page at a time, newest first, from the audit port: who changed what, with
/// the people the bot knows named (an actor or subject that is a person's id shows their name).
/// </summary>
public sealed partial class TabAudit(IAuditLog audit, IPeopleDirectory people, ILogger<TabAudit> logger)
{
    /// <summary>Entries on a page unless the page asks for another size.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The most entries one page may ask for.</summary>
    public const int MaxPageSize = 100;

    private static readonly LocalDateTimePattern Minute = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary>The page of <paramref name="board"/>'s entries numbered below <paramref name="before"/>.</summary>
    public async Task<TabAuditView> PageAsync(string board, long? before, int size, CancellationToken cancellationToken)
    {
        var entries = await audit.BoardAuditAsync(board, before, size, cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var shown = new List<TabAuditEntry>(entries.Count);
        foreach (var (sequence, entry) in entries)
        {
            if (!entry.Action.IsKnown)
            {
                // Written by a newer build (or by hand): shown as stored, never refused, so the log stays readable.
                UnknownAction(logger, entry.Action.Name, sequence);
            }

            shown.Add(new TabAuditEntry(
                sequence,
                Minute.Format(Instant.FromDateTimeOffset(entry.At).InZone(MeetingTimes.London).LocalDateTime),
                await NameAsync(entry.Actor, names, cancellationToken),
                entry.Action.Name,
                string.Equals(entry.Subject, board, StringComparison.OrdinalIgnoreCase) ? board : await NameAsync(entry.Subject, names, cancellationToken),
                DetailText(entry.DetailJson)));
        }

        // A full page may have more behind it; the next page starts below the last entry shown.
        long? next = entries.Count == size ? entries[^1].Sequence : null;
        return new TabAuditView(board, shown, next);
    }

    /// <summary>The detail as "role: Member; nation: Wales", the board itself left out (the page is the board's).</summary>
    private static string? DetailText(string? detailJson)
    {
        if (detailJson is null)
        {
            return null;
        }

        using var detail = JsonDocument.Parse(detailJson);
        if (detail.RootElement.ValueKind != JsonValueKind.Object)
        {
            return detail.RootElement.ToString();
        }

        var parts = detail.RootElement.EnumerateObject()
            .Where(p => p.Name != "board")
            .Select(p => p.Name == "detail" ? p.Value.ToString() : string.Create(CultureInfo.InvariantCulture, $"{p.Name}: {p.Value}"))
            .ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Audit entry {Sequence} has an action this build does not know ({Action}); shown as stored")]
    private static partial void UnknownAction(ILogger logger, string action, long sequence);

    private async Task<string> NameAsync(string id, Dictionary<string, string> names, CancellationToken cancellationToken)
    {
        if (!names.TryGetValue(id, out var name))
        {
            name = (await people.FindPersonAsync(id, cancellationToken))?.Name ?? id;
            names.Add(id, name);
        }

        return name;
    }
}

/// <summary><c>GET /tab/api/boards/{name}/audit</c>: one page of the board's audit log, newest first.</summary>
/// <param name="Board">The board.</param>
/// <param name="Entries">The entries.</param>
/// <param name="Next">The <c>before</c> that gets the next (older) page; null on the last page.</param>
public sealed record TabAuditView(
    [property: JsonPropertyName("board")] string Board,
    [property: JsonPropertyName("entries")] IReadOnlyList<TabAuditEntry> Entries,
    [property: JsonPropertyName("next")] long? Next);

/// <summary>One audit entry.</summary>
/// <param name="Sequence">Its number in the log.</param>
/// <param name="At">When, London time (YYYY-MM-DDTHH:mm).</param>
/// <param name="Actor">Who: a person's name, or the id or word the log holds ("cli") when the bot has no name.</param>
/// <param name="Action">What kind of change (<c>role.assign</c>, <c>board.link</c>, <c>terms.version</c>, <c>reminder.retry</c> ...).</param>
/// <param name="Subject">What it changed: the board, or the person or conversation named.</param>
/// <param name="Detail">The details in words, or null.</param>
public sealed record TabAuditEntry(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("detail")] string? Detail);
