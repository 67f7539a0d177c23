using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Testing;

/// <summary>
/// A Bot Connector on loopback speaking the real REST shapes: records every activity posted or put, and
/// answers with scripted faults first (e.g. a 429 with Retry-After, a 403 MessageWritesBlocked).
/// </summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> faults = new();
    private LoopbackServer? server;
    private int nextId;

    /// <summary>Every call received, in order: method, raw path (with query, as escaped on the wire), body, Authorization header.</summary>
    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    /// <summary>The serviceUrl to give the bot (with a path segment, as Teams' regional URLs have).</summary>
    public string ServiceUrl => new Uri(server!.BaseAddress, "amer/").ToString();

    /// <summary>Members returned by pagedmembers (split into pages by the bot's page size) and by members/{id}.</summary>
    public IList<ChannelAccount> Roster { get; } = [];

    /// <summary>The most members one roster page holds, whatever page size the bot asks for (Teams may return fewer).</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>When true, every roster page carries a continuation token, as a looping or hostile roster would.</summary>
    public bool EndlessRoster { get; set; }

    /// <summary>Starts the connector.</summary>
    public static async Task<LoopbackConnector> StartAsync()
    {
        var connector = new LoopbackConnector();
        connector.server = await LoopbackServer.StartAsync(app =>
        {
            app.Map("/amer/{**path}", connector.HandleAsync);
        });
        return connector;
    }

    /// <summary>The activities the bot sent (posts, puts, and new channel posts started by create-conversation), parsed, in order.</summary>
    public IReadOnlyList<Activity> SentActivities =>
        Calls.Select(c => c.Method is "POST" or "PUT" && c.Path.Contains("/activities", StringComparison.Ordinal)
                ? JsonSerializer.Deserialize(c.Body, ProtocolJsonContext.Default.Activity)
                : NewChannelPost(c)?.Activity)
            .OfType<Activity>()
            .ToList();

    /// <summary>The new posts the bot started in channels (create-conversation with isGroup), with the channel each went to.</summary>
    public IReadOnlyList<(string ChannelId, Activity Activity)> ChannelPosts =>
        [.. Calls.Select(NewChannelPost).Where(p => p is { Activity: not null }).Select(p => (p!.ChannelData!.Channel!.Id!, p.Activity!))];

    private static ConversationParameters? NewChannelPost(ConnectorCall call) =>
        call.Method == "POST" && call.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            && JsonSerializer.Deserialize(call.Body, ProtocolJsonContext.Default.ConversationParameters) is { IsGroup: true, ChannelData.Channel.Id: not null } parameters
            ? parameters
            : null;

    /// <summary>Makes the next call fail with <paramref name="status"/> (and optional Retry-After / body).</summary>
    public void FailNext(int status, string? retryAfterSeconds = null, string? body = null) =>
        faults.Enqueue(async response =>
        {
            response.StatusCode = status;
            if (retryAfterSeconds is not null)
            {
                response.Headers.RetryAfter = retryAfterSeconds;
            }

            if (body is not null)
            {
                response.ContentType = "application/json";
                await response.WriteAsync(body);
            }
        });

    /// <summary>Waits until at least <paramref name="count"/> activities were sent.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForActivitiesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (SentActivities.Count < count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return SentActivities;
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
        // The raw target, as sent: Kestrel's Request.Path would un-escape the ids we want to check.
        var path = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        Calls.Enqueue(new ConnectorCall(context.Request.Method, path, body, context.Request.Headers.Authorization.ToString()));
        if (faults.TryDequeue(out var fault))
        {
            await fault(context.Response);
            return;
        }

        if (context.Request.Path.Value!.EndsWith("/pagedmembers", StringComparison.Ordinal))
        {
            await WriteMembersPageAsync(context);
            return;
        }

        if (context.Request.Method == "GET" && context.Request.Path.Value!.Contains("/members/", StringComparison.Ordinal))
        {
            // GET .../members/{memberId}: one roster entry, or Teams' 404 for someone not in the conversation.
            var memberId = Uri.UnescapeDataString(context.Request.Path.Value![(context.Request.Path.Value!.LastIndexOf('/') + 1)..]);
            var member = Roster.FirstOrDefault(m => m.Id == memberId);
            context.Response.StatusCode = member is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(member is null
                ? "{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"not found\"}}"
                : JsonSerializer.Serialize(member, ProtocolJsonContext.Default.ChannelAccount));
            return;
        }

        if (context.Request.Method == "POST" && context.Request.Path.Value!.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            var parameters = JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.ConversationParameters);
            if (parameters is { IsGroup: true })
            {
                // A new post in a channel: Teams answers with the new thread's conversation id and the post's id.
                var channel = parameters.ChannelData?.Channel?.Id;
                var post = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.StatusCode = channel is null || parameters.Activity is null ? 400 : 201;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(channel is null || parameters.Activity is null
                    ? "{\"error\":{\"code\":\"BadArgument\",\"message\":\"channelData.channel and activity are required\"}}"
                    : JsonSerializer.Serialize(new ConversationResourceResponse { Id = $"{channel};messageid={post}", ActivityId = post }, ProtocolJsonContext.Default.ConversationResourceResponse));
                return;
            }

            // Create conversation (proactive 1:1): Teams answers with the personal chat's id, the same one each time.
            var member = parameters?.Members?.FirstOrDefault()?.Id;
            context.Response.StatusCode = member is null || parameters?.TenantId is null ? 400 : 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(member is null ? "{\"error\":{\"code\":\"BadArgument\",\"message\":\"members and tenantId are required\"}}"
                : JsonSerializer.Serialize(new ConversationResourceResponse { Id = $"a:1on1-{member}" }, ProtocolJsonContext.Default.ConversationResourceResponse));
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"id\":\"sent-{Interlocked.Increment(ref nextId)}\"}}");
    }

    private async Task WriteMembersPageAsync(HttpContext context)
    {
        var size = Math.Min(MaxPageSize, int.Parse(context.Request.Query["pageSize"].ToString() is { Length: > 0 } s ? s : "50", System.Globalization.CultureInfo.InvariantCulture));
        var start = int.TryParse(context.Request.Query["continuationToken"], out var token) ? token : 0;
        var page = new PagedMembersResult
        {
            Members = Roster.Skip(start).Take(size).ToList(),
            ContinuationToken = EndlessRoster ? "0" : start + size < Roster.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(page, ProtocolJsonContext.Default.PagedMembersResult));
    }
}

/// <summary>One request the loopback connector received.</summary>
public sealed record ConnectorCall(string Method, string Path, string Body, string Authorization);
