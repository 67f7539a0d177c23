using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Protocol.Hosting;

/// <summary>
/// The thin HTTP edge of <c>POST /api/messages</c>: size limit (413), channel auth (401), parse (400),
/// then hand the activity to the <see cref="IActivityHandler"/>. Unknown activity types are accepted and
/// ignored (200). A handler failure never leaks: the user gets a short apology, the log gets the detail.
/// </summary>
public sealed partial class BotRequestProcessor(
    IOptions<BotFrameworkOptions> options,
    ChannelTokenValidator validator,
    IConnectorClient connector,
    IActivityHandler handler,
    ILogger<BotRequestProcessor> logger)
{
    /// <summary>Largest accepted request body.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>How long one turn may run, independent of the HTTP request (Teams may retry a slow one).</summary>
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(60);

    private static readonly HashSet<string> KnownTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
    };

    /// <summary>Handles one request.</summary>
    public async Task<IResult> ProcessAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        ChannelAuthResult? auth = null;
        if (options.Value.IsLocalMode)
        {
            if (LocalModeGuard.CheckCaller(context) is { } localRefusal)
            {
                LogRejected(logger, localRefusal);
                return Results.Unauthorized();
            }
        }
        else
        {
            auth = await validator.ValidateHeaderAsync(request.Headers.Authorization.ToString(), context.RequestAborted);
            if (!auth.IsAuthenticated)
            {
                LogRejected(logger, LogText.Clean(auth.FailureReason ?? "unknown"));
                return Results.Unauthorized();
            }
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var activity = Parse(body);
        if (activity is null)
        {
            return Results.BadRequest();
        }

        var refusal = auth is null ? CheckLocalActivity(activity) : validator.CheckActivity(auth, activity);
        if (refusal is not null)
        {
            LogRejected(logger, LogText.Clean(refusal));
            return Results.Unauthorized();
        }

        if (!KnownTypes.Contains(activity.Type!))
        {
            var ignoredType = LogText.Clean(activity.Type);
            LogIgnored(logger, ignoredType);
            return Results.Ok();
        }

        return await DispatchAsync(activity);
    }

    private async Task<IResult> DispatchAsync(Activity activity)
    {
        var turn = new TurnContext(activity, connector);
        using var timeout = new CancellationTokenSource(TurnTimeout);
        try
        {
            var invokeResponse = await handler.OnTurnAsync(turn, timeout.Token);
            if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
            {
                invokeResponse ??= InvokeResponse.Error(501, "NotImplemented", "This action is not supported.");
                return Results.Json(invokeResponse, ProtocolJsonContext.Default.InvokeResponse);
            }

            return Results.Ok();
        }
#pragma warning disable CA1031 // The edge must never turn a handler bug into a stack trace for the channel.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(logger, ex, LogText.Clean(activity.Type), LogText.Clean(activity.Name));
            if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
            {
                return Results.Json(InvokeResponse.Error(500, "InternalError", "Sorry, something went wrong. Please try again."), ProtocolJsonContext.Default.InvokeResponse);
            }

            if (string.Equals(activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase) && activity.ServiceUrl is not null && activity.Conversation?.Id is not null)
            {
                await turn.SendActivityAsync(
                    activity.CreateReply("Sorry, something went wrong while I was answering that. Please try again in a moment."), CancellationToken.None);
            }

            return Results.Ok();
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            // Every activity the channel sends names its type and conversation; without them nothing can be answered.
            var activity = JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.Activity);
            return string.IsNullOrWhiteSpace(activity?.Type) || string.IsNullOrWhiteSpace(activity.Conversation?.Id) ? null : activity;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string? CheckLocalActivity(Activity activity)
    {
        if (ChannelTokenValidator.CheckChannel(activity) is { } wrongChannel)
        {
            return wrongChannel;
        }

        // Without channel auth the serviceUrl is caller-chosen: only let replies go back to this machine.
        if (activity.ServiceUrl is null || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || !ChannelTokenValidator.IsLoopback(serviceUrl))
        {
            return "local mode accepts only loopback serviceUrls";
        }

        return validator.CheckTenant(activity);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Rejected /api/messages request: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Ignored activity of unknown type {Type}")]
    private static partial void LogIgnored(ILogger logger, string type);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Handler failed for a {Type} activity ({Name})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string type, string? name);
}
