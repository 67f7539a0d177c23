using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Routing;

/// <summary>
/// The bot's single <see cref="IActivityHandler"/>: remembers the conversation (for proactive sends after a
/// restart), then sends the activity to the route that claims it. Card actions go by verb prefix, text by
/// route priority, and text nobody claims gets a helpful reply.
/// </summary>
public sealed partial class ActivityRouter(
    RouteTable routes,
    IConversationReferenceStore references,
    RecentReferences recent,
    BotTelemetry telemetry,
    TimeProvider time,
    IBoardLinks links,
    ILoggerFactory loggers,
    ILogger<ActivityRouter> logger) : IActivityHandler
{
    /// <summary>The category of the one Information line per turn (<see cref="TurnLog"/>).</summary>
    public const string TurnLogCategory = "PartnershipBot.Turns";

    private readonly ILogger turnLog = loggers.CreateLogger(TurnLogCategory);

    /// <summary>The invoke name of Universal Actions.</summary>
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <summary>What the bot says to text no route understands.</summary>
    public const string UnknownTextReply =
        "Sorry, I didn't understand that. Try \"help\" to see what I can do, or ask a question about your board's Terms of Reference, such as \"who is the chair?\".";

    /// <summary>
    /// Longest message text routed: a Teams message is at most about 28 KB, so anything longer did not come from a
    /// person typing, and every route's matching stays cheap below it.
    /// </summary>
    public const int MaxMessageChars = 28 * 1024;

    /// <summary>What the bot says to text over <see cref="MaxMessageChars"/>.</summary>
    public const string TooLongReply = "That message is longer than a Teams message can be, so I didn't read it. Please send a shorter one.";

    /// <inheritdoc />
    public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var started = Stopwatch.GetTimestamp();
        var log = new TurnLog();
        try
        {
            var response = await DispatchAsync(turn, log, cancellationToken);
            log.Outcome = response is { StatusCode: >= 400 } ? "refused" : "ok";
            return response;
        }
        finally
        {
            await WriteTurnLineAsync(turn, log, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// The one line an operator reads per turn: route, the conversation's board, outcome and time. Never the text,
    /// names or ids of people or conversations (board names are public bodies' names, not personal data).
    /// </summary>
    private async Task WriteTurnLineAsync(ITurnContext turn, TurnLog log, TimeSpan elapsed)
    {
        if (!turnLog.IsEnabled(LogLevel.Information))
        {
            return;
        }

        string board;
        try
        {
            // Read after the handler, so "link this to …" logs the board it linked; the turn's own token may be
            // cancelled by now, and a failing lookup must not hide the turn's outcome.
            board = turn.Activity.GetConversationScopeId() is { } scope
                && await links.FindLinkAsync(scope, CancellationToken.None) is { } link
                ? LogText.Clean(link.BoardName)
                : "none";
        }
#pragma warning disable CA1031 // The line is written whatever the store does; the turn's own error is already on its way.
        catch (Exception)
#pragma warning restore CA1031
        {
            board = "unknown";
        }

        LogTurn(turnLog, log.Route, log.Kind, board, log.Outcome, (long)elapsed.TotalMilliseconds);
    }

    private async Task<InvokeResponse?> DispatchAsync(ITurnContext turn, TurnLog log, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        await RememberConversationAsync(activity, cancellationToken);
        switch (activity.Type)
        {
            case ActivityTypes.Message when CardAction.Read(activity) is { } submitted:
                log.Kind = "submit";
                // Action.Submit (the fallback of Action.Execute) arrives as a message carrying the card data. It has
                // no synchronous answer, so what the route would have shown on the card is delivered here.
                await SubmitAnswers.DeliverAsync(turn, await RouteCardActionAsync(turn, submitted, log, cancellationToken), cancellationToken);
                return null;
            case ActivityTypes.Message:
                log.Kind = "message";
                await RouteMessageAsync(turn, log, cancellationToken);
                return null;
            case ActivityTypes.Invoke when string.Equals(activity.Name, AdaptiveCardActionInvoke, StringComparison.OrdinalIgnoreCase):
                log.Kind = "card";
                return CardAction.Read(activity) is { } executed
                    ? await RouteCardActionAsync(turn, executed, log, cancellationToken)
                    : InvokeResponse.Error(400, "BadRequest", "The card action is missing its verb.");
            case ActivityTypes.Invoke:
                log.Kind = "invoke";
                return InvokeResponse.Error(501, "NotImplemented", "This action is not supported.");
            default:
                log.Kind = "event";
                foreach (var route in routes.Events.Where(r => r.Matches(turn)))
                {
                    log.Route = route.Name;
                    await route.Handler(turn, cancellationToken);
                }

                return null;
        }
    }

    private async Task RouteMessageAsync(ITurnContext turn, TurnLog log, CancellationToken cancellationToken)
    {
        if (turn.Text.Length > MaxMessageChars)
        {
            log.Route = "too-long";
            LogTooLong(logger, turn.Text.Length);
            await turn.SendActivityAsync(turn.Activity.CreateReply(TooLongReply), cancellationToken);
            return;
        }

        // A file sent with no caption is still a message for the routes (a ToR upload).
        if (turn.Text.Length > 0 || turn.Activity.Attachments?.Count > 0)
        {
            var route = routes.Messages.FirstOrDefault(r => r.Matches(turn));
            if (route is not null)
            {
                log.Route = route.Name;
                LogRouted(logger, route.Name);
                await MeasuredAsync(route.Name, "message", async () => { await route.Handler(turn, cancellationToken); return null; });
                return;
            }
        }

        log.Route = "not-understood";
        await turn.SendActivityAsync(turn.Activity.CreateReply(UnknownTextReply), cancellationToken);
    }

    private async Task<InvokeResponse?> RouteCardActionAsync(ITurnContext turn, CardAction action, TurnLog log, CancellationToken cancellationToken)
    {
        var route = routes.FindCardAction(action.Verb);
        if (route is null)
        {
            log.Route = "unknown-verb";
            var logged = LogText.Clean(action.Verb);
            LogUnknownVerb(logger, logged);
            return InvokeResponse.Error(400, "UnknownAction", "This card is out of date. Please ask again for a new one.");
        }

        log.Route = route.Name;
        LogRouted(logger, route.Name);
        return await MeasuredAsync(route.Name, "card", () => route.Handler(turn, action, cancellationToken));
    }

    /// <summary>Runs a route's handler inside its turn span, and counts and times it, whatever the outcome.</summary>
    private async Task<InvokeResponse?> MeasuredAsync(string route, string kind, Func<Task<InvokeResponse?>> handle)
    {
        using var span = BotTelemetry.StartTurn(route, kind);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var response = await handle();
            outcome = response is { StatusCode: >= 400 } ? "refused" : "ok";
            return response;
        }
        finally
        {
            span?.SetTag("partnershipbot.outcome", outcome);
            telemetry.Turn(route, kind, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task RememberConversationAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { } conversationId || activity.ServiceUrl is null)
        {
            return;
        }

        var botRemoved = (string.Equals(activity.Type, ActivityTypes.InstallationUpdate, StringComparison.OrdinalIgnoreCase)
                && activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
            || activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true;
        var scopeId = activity.GetConversationScopeId() ?? conversationId;
        if (botRemoved)
        {
            foreach (var id in new[] { conversationId, scopeId }.Distinct(StringComparer.Ordinal))
            {
                recent.Forget(id);
                await references.RemoveAsync(id, cancellationToken);
            }

            return;
        }

        var reference = activity.GetConversationReference();
        var personal = string.Equals(activity.Conversation.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
        var record = new ConversationReferenceRecord(
                conversationId,
                activity.ServiceUrl,
                activity.ChannelId ?? "msteams",
                activity.GetTenantId(),
                activity.Conversation.ConversationType,
                personal ? activity.From?.EntraObjectId : null,
                activity.Recipient?.Id ?? string.Empty,
                JsonSerializer.Serialize(reference, ProtocolJsonContext.Default.ConversationReference),
                time.GetUtcNow());
        // Installs and membership changes always write: another instance may have removed the reference meanwhile.
        var routine = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke;
        await SaveAsync(record, routine, cancellationToken);
        if (scopeId != conversationId)
        {
            // A thread of a channel: the channel itself is what proactive sends (reminders, notices) address, as a new post.
            reference.Conversation = new ConversationAccount
            {
                Id = scopeId,
                ConversationType = activity.Conversation.ConversationType,
                TenantId = activity.Conversation.TenantId,
                IsGroup = activity.Conversation.IsGroup,
                Name = activity.Conversation.Name,
            };
            reference.ActivityId = null;
            await SaveAsync(record with { ConversationId = scopeId, ReferenceJson = JsonSerializer.Serialize(reference, ProtocolJsonContext.Default.ConversationReference) }, routine, cancellationToken);
        }
    }

    private async Task SaveAsync(ConversationReferenceRecord record, bool routine, CancellationToken cancellationToken)
    {
        if (!routine || recent.NeedsSaving(record))
        {
            await references.SaveAsync(record, cancellationToken);
            recent.Saved(record);
        }
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Turn {Route} ({Kind}) board {Board}: {Outcome} in {ElapsedMs} ms")]
    private static partial void LogTurn(ILogger logger, string route, string kind, string board, string outcome, long elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Routed to {Route}")]
    private static partial void LogRouted(ILogger logger, string route);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Message of {Length} characters not routed: over the limit")]
    private static partial void LogTooLong(ILogger logger, int length);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "No card route for verb {Verb}")]
    private static partial void LogUnknownVerb(ILogger logger, string verb);

    /// <summary>What one turn did, filled in as it is dispatched, for its log line.</summary>
    private sealed class TurnLog
    {
        public string Route { get; set; } = "none";

        public string Kind { get; set; } = "other";

        // Stays "error" when the handler throws.
        public string Outcome { get; set; } = "error";
    }
}
