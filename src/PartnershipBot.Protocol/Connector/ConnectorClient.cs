using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Protocol.Connector;

/// <summary>
/// Talks to the Bot Connector at a conversation's serviceUrl: joins paths without losing the serviceUrl's
/// own path, escapes ids, waits on the Teams rate limits, retries 412/429/502/503/504 (honouring
/// Retry-After, jittered), refreshes the bot token once on 401, and maps failures to outcomes.
/// </summary>
public sealed partial class ConnectorClient : IConnectorClient
{
    private static readonly HashSet<HttpStatusCode> Retryable =
        [HttpStatusCode.PreconditionFailed, HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    private readonly HttpClient http;
    private readonly IBotTokenProvider tokens;
    private readonly ConnectorRateLimiter limiter;
    private readonly ILogger<ConnectorClient> logger;
    private readonly ResiliencePipeline<HttpResponseMessage> retry;

    /// <summary>Creates the client; <paramref name="http"/> comes from IHttpClientFactory.</summary>
    public ConnectorClient(HttpClient http, IBotTokenProvider tokens, ConnectorRateLimiter limiter, IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.http = http;
        this.tokens = tokens;
        this.limiter = limiter;
        this.logger = logger;
        var settings = options.Value;
        retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    { Result: { } response } => Retryable.Contains(response.StatusCode),
                    _ => false,
                }),
                MaxRetryAttempts = Math.Max(0, settings.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time, settings.MaxDelay)),
                OnRetry = args =>
                {
                    LogRetry(logger, (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                    if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        // Throttled: every sender waits, not just this one, so a fan-out backs off together.
                        limiter.PauseFor(args.RetryDelay);
                    }

                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <inheritdoc />
    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", conversationId, activity.GetTenantId(),
            activity, ProtocolJsonContext.Default.Activity, ProtocolJsonContext.Default.ResourceResponse, cancellationToken);

    /// <inheritdoc />
    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", conversationId, activity.GetTenantId(),
            activity, ProtocolJsonContext.Default.Activity, ProtocolJsonContext.Default.ResourceResponse, cancellationToken);

    /// <inheritdoc />
    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id ??= activityId;
        return SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", conversationId, activity.GetTenantId(),
            activity, ProtocolJsonContext.Default.Activity, ProtocolJsonContext.Default.ResourceResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var target = parameters.Members?.FirstOrDefault()?.Id ?? parameters.ChannelData?.Channel?.Id ?? "new-conversation";
        return SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", target, parameters.TenantId,
            parameters, ProtocolJsonContext.Default.ConversationParameters, ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = $"?pageSize={Math.Clamp(pageSize, 50, 500)}" + (continuationToken is null ? string.Empty : $"&continuationToken={Escape(continuationToken)}");
        return SendAsync<object, PagedMembersResult>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/pagedmembers{query}", conversationId, null,
            null, null, ProtocolJsonContext.Default.PagedMembersResult, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ConnectorResult<ChannelAccount>> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        SendAsync<object, ChannelAccount>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", conversationId, null,
            null, null, ProtocolJsonContext.Default.ChannelAccount, cancellationToken);

    /// <summary>
    /// Joins the serviceUrl and a relative path the way the SDK does: a missing trailing slash is added
    /// first, so <c>https://host/amer</c> keeps its <c>/amer</c>.
    /// </summary>
    public static Uri Join(string serviceUrl, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute);
        return new Uri(baseUri, relativePath);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private async Task<ConnectorResult<TResult>> SendAsync<TBody, TResult>(
        HttpMethod method, string serviceUrl, string relativePath, string conversationKey, string? tenantId,
        TBody? body, JsonTypeInfo<TBody>? bodyType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        var uri = Join(serviceUrl, relativePath);
        var payload = body is null || bodyType is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        var refreshedToken = false;
        while (true)
        {
            HttpResponseMessage response;
            try
            {
                response = await retry.ExecuteAsync(
                    async ct =>
                    {
                        await limiter.WaitAsync(tenantId, conversationKey, ct);
                        using var request = new HttpRequestMessage(method, uri);
                        if (payload is not null)
                        {
                            request.Content = new ByteArrayContent(payload);
                            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                        }

                        var token = await tokens.GetTokenAsync(refreshedToken, ct);
                        if (token is not null)
                        {
                            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        }

                        return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                    },
                    cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                LogUnreachable(logger, uri.Host, ex.Message);
                return new ConnectorResult<TResult>(ConnectorOutcome.FailedAfterRetries, null, null, default);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshedToken && await tokens.GetTokenAsync(false, cancellationToken) is not null)
                {
                    // The token may have been revoked or rotated: fetch a fresh one and try once more.
                    refreshedToken = true;
                    continue;
                }

                return await ToResultAsync(response, resultType, cancellationToken);
            }
        }
    }

    private async Task<ConnectorResult<TResult>> ToResultAsync<TResult>(HttpResponseMessage response, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var value = content.Length == 0 ? default : TryDeserialize(content, resultType);
            return new ConnectorResult<TResult>(ConnectorOutcome.Sent, status, null, value);
        }

        var errorCode = ErrorCode(content);
        var outcome = status switch
        {
            HttpStatusCode.Forbidden => ConnectorOutcome.Blocked,
            HttpStatusCode.NotFound => ConnectorOutcome.ConversationNotFound,
            HttpStatusCode.RequestEntityTooLarge => ConnectorOutcome.MessageTooLarge,
            _ when Retryable.Contains(status) => ConnectorOutcome.FailedAfterRetries,
            _ => ConnectorOutcome.Failed,
        };
        var operation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
        LogFailure(logger, (int)status, outcome, errorCode, operation);
        return new ConnectorResult<TResult>(outcome, status, errorCode, default);
    }

    private static TResult? TryDeserialize<TResult>(byte[] content, JsonTypeInfo<TResult> type)
    {
        try
        {
            return JsonSerializer.Deserialize(content, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    // The Connector's error body is {"error":{"code":...}}; Teams' 403 puts a JSON subCode in "message".
    private static string? ErrorCode(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        var error = TryDeserialize(content, ProtocolJsonContext.Default.ConnectorErrorResponse);
        if (error?.Error?.Code is { } code)
        {
            return code;
        }

        var message = error?.Message ?? error?.Error?.Message;
        if (message is not null && message.Contains("subCode", StringComparison.Ordinal))
        {
            try
            {
                using var inner = JsonDocument.Parse(message);
                return inner.RootElement.TryGetProperty("subCode", out var sub) ? sub.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time, TimeSpan max)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, max.Ticks));
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Connector returned {StatusCode}; retry {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, int? statusCode, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Connector call failed with {StatusCode} ({Outcome}, code {ErrorCode}, operation {OperationId})")]
    private static partial void LogFailure(ILogger logger, int statusCode, ConnectorOutcome outcome, string? errorCode, string? operationId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Connector at {Host} unreachable after retries: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string host, string reason);
}
