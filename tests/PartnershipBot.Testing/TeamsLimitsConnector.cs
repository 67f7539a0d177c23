using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PartnershipBot.Testing;

/// <summary>
/// A Bot Connector on loopback that behaves like Teams under load: it enforces the published ceilings (per app
/// and per conversation, each over a sliding one-second window) and answers 429 with Retry-After beyond them,
/// injects faults on a seeded share of calls, and records every activity it accepted with its conversation id,
/// so a test can count duplicates and gaps exactly.
/// </summary>
public sealed class TeamsLimitsConnector : IAsyncDisposable
{
    private static readonly long WindowTicks = Stopwatch.Frequency;
    private readonly TeamsLimits limits;
    private readonly Queue<long> appWindow = new();
    private readonly Dictionary<string, Queue<long>> conversationWindows = new(StringComparer.Ordinal);
    private readonly Random faultDice;
    private readonly Lock gate = new();
    private LoopbackServer? server;
    private int throttled;
    private int injected;

    private TeamsLimitsConnector(TeamsLimits limits)
    {
        this.limits = limits;
        faultDice = new Random(limits.FaultSeed);
    }

    /// <summary>The serviceUrl to store for conversations (a regional path, as Teams gives).</summary>
    public string ServiceUrl => new Uri(server!.BaseAddress, "amer/").ToString();

    /// <summary>Every activity accepted (200), in arrival order.</summary>
    public ConcurrentQueue<DeliveredActivity> Delivered { get; } = new();

    /// <summary>429s answered because a ceiling was reached (not counting injected faults).</summary>
    public int Throttled => Volatile.Read(ref throttled);

    /// <summary>Faults injected (429, 503 or timeouts).</summary>
    public int InjectedFaults => Volatile.Read(ref injected);

    /// <summary>Activities accepted per conversation id.</summary>
    public IReadOnlyDictionary<string, int> DeliveriesByConversation() =>
        Delivered.GroupBy(d => d.ConversationId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Starts the stub with <paramref name="limits"/> (Teams' defaults when null).</summary>
    public static async Task<TeamsLimitsConnector> StartAsync(TeamsLimits? limits = null)
    {
        var connector = new TeamsLimitsConnector(limits ?? new TeamsLimits());
        connector.server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/amer/v3/conversations/{conversationId}/activities", connector.SendAsync);
        });
        return connector;
    }

    /// <summary>Waits until <paramref name="count"/> activities were accepted or <paramref name="timeout"/> passes; true when they were.</summary>
    public async Task<bool> WaitForDeliveredAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Delivered.Count < count)
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private async Task SendAsync(HttpContext context, string conversationId)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var fault = NextFault();
        if (fault is not null)
        {
            Interlocked.Increment(ref injected);
            await AnswerFaultAsync(context, fault.Value);
            return;
        }

        if (!TryAdmit(conversationId))
        {
            Interlocked.Increment(ref throttled);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = limits.ThrottleRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }

        Delivered.Enqueue(new DeliveredActivity(conversationId, body, Stopwatch.GetTimestamp()));
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"id\":\"delivered-{Delivered.Count}\"}}");
    }

    private ConnectorFault? NextFault()
    {
        if (limits.FaultRate <= 0 || limits.Faults.Count == 0)
        {
            return null;
        }

        lock (gate)
        {
            return faultDice.NextDouble() < limits.FaultRate ? limits.Faults[faultDice.Next(limits.Faults.Count)] : null;
        }
    }

    private async Task AnswerFaultAsync(HttpContext context, ConnectorFault fault)
    {
        switch (fault)
        {
            case ConnectorFault.Throttle:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = limits.FaultRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case ConnectorFault.Unavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
            case ConnectorFault.Timeout:
                // Hang, then drop the connection without a response: the client sees a network failure and
                // nothing was delivered (a lost request, not a lost response).
                await Task.Delay(limits.TimeoutHang, CancellationToken.None);
                context.Abort();
                break;
        }
    }

    // Sliding one-second windows over the requests Teams accepted: the app's, then the conversation's.
    private bool TryAdmit(string conversationId)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            Evict(appWindow, now);
            if (!conversationWindows.TryGetValue(conversationId, out var conversation))
            {
                conversation = new Queue<long>();
                conversationWindows[conversationId] = conversation;
            }

            Evict(conversation, now);
            if (appWindow.Count >= limits.AppPerSecond || conversation.Count >= limits.ConversationPerSecond)
            {
                return false;
            }

            appWindow.Enqueue(now);
            conversation.Enqueue(now);
            return true;
        }
    }

    private static void Evict(Queue<long> window, long now)
    {
        while (window.Count > 0 && now - window.Peek() >= WindowTicks)
        {
            window.Dequeue();
        }
    }
}

/// <summary>The stub's ceilings and fault plan.</summary>
public sealed record TeamsLimits
{
    /// <summary>Requests a second per app (Teams: 50).</summary>
    public int AppPerSecond { get; init; } = 50;

    /// <summary>Sends a second per conversation (Teams: 7).</summary>
    public int ConversationPerSecond { get; init; } = 7;

    /// <summary>Retry-After on a 429 for exceeding a ceiling.</summary>
    public int ThrottleRetryAfterSeconds { get; init; } = 1;

    /// <summary>Share of calls (0 to 1) answered with a fault before the ceilings are checked.</summary>
    public double FaultRate { get; init; }

    /// <summary>Seed for choosing which calls fail and how.</summary>
    public int FaultSeed { get; init; } = 20260601;

    /// <summary>The faults to pick from, equally likely.</summary>
    public IReadOnlyList<ConnectorFault> Faults { get; init; } = [ConnectorFault.Throttle, ConnectorFault.Unavailable];

    /// <summary>Retry-After on an injected 429 (0 keeps tests from sleeping).</summary>
    public int FaultRetryAfterSeconds { get; init; }

    /// <summary>How long a timeout fault holds the request before dropping it.</summary>
    public TimeSpan TimeoutHang { get; init; } = TimeSpan.FromMilliseconds(200);
}

/// <summary>A fault the stub can inject.</summary>
public enum ConnectorFault
{
    /// <summary>429 with Retry-After.</summary>
    Throttle,

    /// <summary>503.</summary>
    Unavailable,

    /// <summary>No response; the connection is dropped.</summary>
    Timeout,
}

/// <summary>An activity the stub accepted.</summary>
/// <param name="ConversationId">The conversation it was posted to (unescaped).</param>
/// <param name="Body">The activity JSON as sent.</param>
/// <param name="Timestamp">Stopwatch timestamp of acceptance.</param>
public sealed record DeliveredActivity(string ConversationId, string Body, long Timestamp);
