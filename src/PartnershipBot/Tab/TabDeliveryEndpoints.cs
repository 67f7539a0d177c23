using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.TermsOfReference;

namespace PartnershipBot.Tab;

/// <summary>
/// A board's reminder deliveries: <c>GET /tab/api/boards/{name}/deliveries</c>, every reminder with each recipient's
/// state, and <c>POST /tab/api/boards/{name}/deliveries/{id}/retry</c>, one more attempt for a failed one through the
/// outbox. Both for the board's chair, vice-chair and secretariat, as the digest of who was not reached is.
/// </summary>
public static partial class TabEndpoints
{
    private static async Task<IResult> DeliveriesAsync(
        string name, HttpContext context, TabCaller caller, BoardPermissions permissions, ITorLibrarySource library, TabDeliveries deliveries, ILoggerFactory loggers)
    {
        var (opened, refusal) = await OpenForRunnersAsync(name, "the reminders' delivery states", context, caller, permissions, library, loggers);
        return opened is null
            ? refusal!
            : Results.Json(await deliveries.ForAsync(opened.Board.Identity.Name, context.RequestAborted), TabJson.Default.TabDeliveriesView);
    }

    private static async Task<IResult> DeliveryChartAsync(
        string name, HttpContext context, TabCaller caller, BoardPermissions permissions, ITorLibrarySource library, TabDeliveries deliveries, ILoggerFactory loggers)
    {
        var (opened, refusal) = await OpenForRunnersAsync(name, "the reminders' delivery chart", context, caller, permissions, library, loggers);
        if (opened is null)
        {
            return refusal!;
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        // The page inlines the drawing; opened on its own it may not run anything.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'";
        var view = await deliveries.ForAsync(opened.Board.Identity.Name, context.RequestAborted);
        return Results.Content(TabDeliveryChart.Render(view), "image/svg+xml; charset=utf-8");
    }

    private static async Task<IResult> RetryAsync(
        string name, string id, HttpContext context, TabCaller caller, BoardPermissions permissions, ITorLibrarySource library, IReminderDeliveries deliveries,
        IReminderOutbox outbox, IAuditLog audit, TimeProvider time, ILoggerFactory loggers)
    {
        var (opened, refusal) = await OpenForRunnersAsync(name, "retrying a reminder", context, caller, permissions, library, loggers);
        if (opened is null)
        {
            return refusal!;
        }

        if (TabPost.Refusal(context) is { } unsafeRequest)
        {
            return unsafeRequest;
        }

        var (request, invalid) = await TabPost.ReadAsync(context, TabJson.Default.TabRetryRequest);
        if (request is null)
        {
            return invalid!;
        }

        // The id must be one of this board's reminders: a person running one board cannot retry another's.
        var board = opened.Board.Identity.Name;
        if (await outbox.FindAsync(id, context.RequestAborted) is not { } reminder || !string.Equals(reminder.BoardKey, board, StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var requeued = await deliveries.RequeueFailedAsync(reminder.ReminderId, request.Attempts, context.RequestAborted);
        if (requeued)
        {
            await audit.RecordAsync(opened.Access.PersonId!, time.GetUtcNow(), AuditAction.ReminderRetry, board, $"{reminder.Kind} reminder {reminder.ReminderId}", context.RequestAborted);
        }

        var now = await outbox.FindAsync(reminder.ReminderId, context.RequestAborted) ?? reminder;
        return Results.Json(new TabRetryResult(requeued, TabDeliveries.StateOf(now)), TabJson.Default.TabRetryResult);
    }

    /// <summary>Opens the board as <see cref="OpenBoardAsync"/> does, then refuses anyone who does not run its meetings.</summary>
    private static async Task<(OpenedBoard? Opened, IResult? Refusal)> OpenForRunnersAsync(
        string name, string what, HttpContext context, TabCaller caller, BoardPermissions permissions, ITorLibrarySource library, ILoggerFactory loggers)
    {
        var (opened, refusal) = await OpenBoardAsync(name, context, caller, permissions, library, loggers);
        if (opened is null)
        {
            return (null, refusal);
        }

        if (!opened.Access.MayRunMeetings)
        {
            var logger = loggers.CreateLogger(typeof(TabEndpoints));
            LogRunnersOnly(logger, what);
            return (null, Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        return (opened, null);
    }

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Refused /tab/api board request: {What} is for the board's chair, vice-chair and secretariat")]
    private static partial void LogRunnersOnly(ILogger logger, string what);
}
