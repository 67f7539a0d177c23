using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace PartnershipBot.Testing;

/// <summary>
/// A Microsoft Graph calendar on loopback speaking Graph's JSON for the calls the bot makes: create events (with
/// Teams links, recurrence expanded into occurrences, and transactionId de-duplication as Graph documents it),
/// calendarView (UTC times, paged with absolute @odata.nextLink), PATCH, and cancel. Scripted faults come first:
/// a 429 with Retry-After, or a 503 returned after the create was stored (the ambiguous failure).
/// </summary>
public sealed class LoopbackGraph : IAsyncDisposable
{
    /// <summary>The bearer token the fake credential hands out; anything else gets 401.</summary>
    public const string Token = "fake-graph-token";

    private static readonly LocalDateTimePattern GraphLocal = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss.fffffff");
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, bool AfterStoring)> faults = new();
    private readonly Lock gate = new();
    private readonly List<JsonObject> events = [];
    private LoopbackServer? server;
    private int nextId;

    /// <summary>Every request: method, path and query (decoded), body, Authorization header.</summary>
    public ConcurrentQueue<GraphCall> Calls { get; } = new();

    /// <summary>calendarView page size (small, so paging is exercised).</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>When false, events come back without a Teams link, as for an organiser who can't host Teams meetings.</summary>
    public bool TeamsLinks { get; set; } = true;

    /// <summary>The base URL to configure as Graph:BaseUrl.</summary>
    public Uri BaseUrl => new(server!.BaseAddress, "v1.0");

    /// <summary>Starts the stub.</summary>
    public static async Task<LoopbackGraph> StartAsync()
    {
        var graph = new LoopbackGraph();
        graph.server = await LoopbackServer.StartAsync(app => app.Map("/v1.0/{**path}", graph.HandleAsync));
        return graph;
    }

    /// <summary>Events as stored (series masters, occurrences and single instances), oldest first.</summary>
    public IReadOnlyList<JsonObject> Events
    {
        get
        {
            lock (gate)
            {
                return [.. events.Select(e => (JsonObject)e.DeepClone())];
            }
        }
    }

    /// <summary>The create requests' bodies.</summary>
    public IReadOnlyList<JsonObject> Created => [.. Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/events", StringComparison.Ordinal)).Select(c => JsonNode.Parse(c.Body)!.AsObject())];

    /// <summary>Makes the next request fail; with <paramref name="afterStoring"/> a create is stored first (it "succeeded" but the client sees the error).</summary>
    public void FailNext(int status, string? retryAfterSeconds = "0", bool afterStoring = false) => faults.Enqueue((status, retryAfterSeconds, afterStoring));

    /// <summary>Someone moves an event in Outlook.</summary>
    public void MoveInOutlook(string eventId, DateTimeOffset start, DateTimeOffset end)
    {
        lock (gate)
        {
            var e = events.Single(x => (string?)x["id"] == eventId);
            e["start"] = Utc(start);
            e["end"] = Utc(end);
        }
    }

    /// <summary>Someone deletes an event in Outlook.</summary>
    public void DeleteInOutlook(string eventId)
    {
        lock (gate)
        {
            events.RemoveAll(x => (string?)x["id"] == eventId);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = Uri.UnescapeDataString(context.Request.Path.Value! + context.Request.QueryString.Value);
        Calls.Enqueue(new GraphCall(context.Request.Method, path, body, context.Request.Headers.Authorization.ToString()));
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            await WriteAsync(context, 401, Error("InvalidAuthenticationToken", "Access token is empty."));
            return;
        }

        faults.TryDequeue(out var fault);
        if (fault.Status != 0 && !fault.AfterStoring)
        {
            await FailAsync(context, fault);
            return;
        }

        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries); // v1.0 users {mb} ...
        var (status, response) = (context.Request.Method, segments.Length) switch
        {
            ("POST", 4) when segments[3] == "events" => Create(JsonNode.Parse(body)!.AsObject()),
            ("GET", 4) when segments[3] == "calendarView" => CalendarView(context.Request),
            ("PATCH", 5) when segments[3] == "events" => Patch(Uri.UnescapeDataString(segments[4]), JsonNode.Parse(body)!.AsObject()),
            ("POST", 6) when segments[3] == "events" && segments[5] == "cancel" => Cancel(Uri.UnescapeDataString(segments[4])),
            _ => (404, Error("ErrorInvalidRequest", "Not supported by the stub.")),
        };
        if (fault.Status != 0)
        {
            await FailAsync(context, fault);
            return;
        }

        await WriteAsync(context, status, response);
    }

    private (int, JsonObject?) Create(JsonObject request)
    {
        lock (gate)
        {
            // Graph: "so that the server can avoid redundant POSTs when the client retries creating the same event".
            var transaction = (string?)request["transactionId"];
            if (transaction is not null && events.FirstOrDefault(e => (string?)e["transactionId"] == transaction && (string?)e["type"] != "occurrence") is { } existing)
            {
                return (201, existing);
            }

            var id = $"AAMkAD-{Interlocked.Increment(ref nextId)}";
            var created = (JsonObject)request.DeepClone();
            created["id"] = id;
            created["start"] = Utc(Instant(request["start"]!));
            created["end"] = Utc(Instant(request["end"]!));
            created["isCancelled"] = false;
            created["onlineMeeting"] = TeamsLinks ? new JsonObject { ["joinUrl"] = $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{id}%40thread.v2/0" } : null;
            if (!TeamsLinks)
            {
                created["isOnlineMeeting"] = false;
                created["onlineMeetingProvider"] = "unknown";
            }

            created["type"] = request["recurrence"] is null ? "singleInstance" : "seriesMaster";
            events.Add(created);
            if (request["recurrence"] is JsonObject recurrence)
            {
                AddOccurrences(created, recurrence);
            }

            return (201, created);
        }
    }

    /// <summary>Expands the numbered weekly / relativeMonthly patterns the bot sends into occurrences.</summary>
    private void AddOccurrences(JsonObject master, JsonObject recurrence)
    {
        var pattern = recurrence["pattern"]!;
        var range = recurrence["range"]!;
        var zone = Zone((string?)range["recurrenceTimeZone"] ?? "UTC");
        var first = LocalDatePattern.Iso.Parse((string)range["startDate"]!).Value;
        var startLocal = Instant(master["start"]!).InZone(zone).TimeOfDay;
        var length = Instant(master["end"]!) - Instant(master["start"]!);
        var interval = (int)pattern["interval"]!;
        var weekday = Enum.Parse<IsoDayOfWeek>((string)pattern["daysOfWeek"]![0]!, ignoreCase: true);
        var index = Array.IndexOf(["first", "second", "third", "fourth"], (string?)pattern["index"] ?? "first");
        for (var i = 0; i < (int)range["numberOfOccurrences"]!; i++)
        {
            var date = (string)pattern["type"]! == "weekly"
                ? first.PlusWeeks(interval * i)
                : new LocalDate(first.Year, first.Month, 1).PlusMonths(interval * i).With(DateAdjusters.NextOrSame(weekday)).PlusWeeks(index);
            var start = (date + startLocal).InZoneLeniently(zone).ToInstant();
            events.Add(new JsonObject
            {
                ["id"] = $"{master["id"]}-occurrence-{i}",
                ["type"] = "occurrence",
                ["seriesMasterId"] = (string?)master["id"],
                ["subject"] = (string?)master["subject"],
                ["categories"] = master["categories"]?.DeepClone(),
                ["onlineMeeting"] = master["onlineMeeting"]?.DeepClone(),
                ["isCancelled"] = false,
                ["start"] = Utc(start.ToDateTimeOffset()),
                ["end"] = Utc((start + length).ToDateTimeOffset()),
            });
        }
    }

    private (int, JsonObject?) CalendarView(HttpRequest request)
    {
        var from = DateTimeOffset.Parse(request.Query["startDateTime"]!, CultureInfo.InvariantCulture);
        var until = DateTimeOffset.Parse(request.Query["endDateTime"]!, CultureInfo.InvariantCulture);
        var skip = int.TryParse(request.Query["$skip"], out var s) ? s : 0;
        List<JsonObject> inView;
        lock (gate)
        {
            // calendarView expands series: occurrences and single instances, never the master.
            inView = [.. events.Where(e => (string?)e["type"] != "seriesMaster")
                .Where(e => Instant(e["end"]!).ToDateTimeOffset() > from && Instant(e["start"]!).ToDateTimeOffset() < until)
                .OrderBy(e => Instant(e["start"]!))
                .Select(e => (JsonObject)e.DeepClone())];
        }

        var page = new JsonObject { ["value"] = new JsonArray([.. inView.Skip(skip).Take(PageSize)]) };
        if (skip + PageSize < inView.Count)
        {
            var next = new UriBuilder(new Uri(server!.BaseAddress, request.Path.Value!.TrimStart('/')))
            {
                Query = $"startDateTime={Uri.EscapeDataString(request.Query["startDateTime"]!)}&endDateTime={Uri.EscapeDataString(request.Query["endDateTime"]!)}&$skip={skip + PageSize}",
            };
            page["@odata.nextLink"] = next.Uri.AbsoluteUri;
        }

        return (200, page);
    }

    private (int, JsonObject?) Patch(string id, JsonObject changes)
    {
        lock (gate)
        {
            var e = events.FirstOrDefault(x => (string?)x["id"] == id);
            if (e is null)
            {
                return (404, Error("ErrorItemNotFound", "The specified object was not found in the store."));
            }

            foreach (var name in new[] { "start", "end" })
            {
                if (changes[name] is { } value)
                {
                    e[name] = Utc(Instant(value));
                }
            }

            if (changes["body"] is { } body)
            {
                e["body"] = body.DeepClone();
            }

            return (200, (JsonObject)e.DeepClone());
        }
    }

    private (int, JsonObject?) Cancel(string id)
    {
        lock (gate)
        {
            // Cancelling sends the attendees a cancellation and removes the event from the organiser's calendar.
            return events.RemoveAll(x => (string?)x["id"] == id) == 1 ? (202, null) : (404, Error("ErrorItemNotFound", "The specified object was not found in the store."));
        }
    }

    private static async Task FailAsync(HttpContext context, (int Status, string? RetryAfter, bool AfterStoring) fault)
    {
        if (fault.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfter;
        }

        await WriteAsync(context, fault.Status, Error(fault.Status == 429 ? "ApplicationThrottled" : "ServiceUnavailable", "Scripted fault."));
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        }
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    /// <summary>A dateTimeTimeZone as an instant: Windows ("GMT Standard Time") or IANA zone ids, UTC by default.</summary>
    private static Instant Instant(JsonNode value)
    {
        var local = LocalDateTimePattern.ExtendedIso.Parse((string)value["dateTime"]!).GetValueOrThrow();
        return local.InZoneStrictly(Zone((string?)value["timeZone"] ?? "UTC")).ToInstant();
    }

    private static DateTimeZone Zone(string id) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
        ?? (NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.TryGetValue(id, out var iana) ? DateTimeZoneProviders.Tzdb[iana] : throw new InvalidOperationException($"Unknown time zone {id}"));

    /// <summary>How Graph returns times without a Prefer header: UTC wall time with seven fraction digits.</summary>
    private static JsonObject Utc(DateTimeOffset instant) =>
        new() { ["dateTime"] = GraphLocal.Format(LocalDateTime.FromDateTime(instant.UtcDateTime)), ["timeZone"] = "UTC" };

    private static JsonObject Utc(Instant instant) => Utc(instant.ToDateTimeOffset());
}

/// <summary>One request the Graph stub received.</summary>
public sealed record GraphCall(string Method, string Path, string Body, string Authorization);
