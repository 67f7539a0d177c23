using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.TermsOfReference;

namespace PartnershipBot.Tab;

/// <summary>
/// Declarations per financial item: <c>GET /tab/api/boards/{name}/declarations</c>, and
/// <c>POST /tab/api/boards/{name}/declarations/{id}/chase</c>, which sends the outstanding members the declaration card
/// through the outbox, once per press id, as the chair's card's Chase does. Both for the chair, vice-chair and
/// secretariat, as "declarations for ITEM" is in chat.
/// </summary>
public static partial class TabEndpoints
{
    private static async Task<IResult> DeclarationsAsync(
        string name, HttpContext context, TabCaller caller, BoardPermissions permissions, ITorLibrarySource library, TabDeclarations declarations, ILoggerFactory loggers)
    {
        var (opened, refusal) = await OpenForRunnersAsync(name, "who has declared", context, caller, permissions, library, loggers);
        return opened is null
            ? refusal!
            : Results.Json(await declarations.ForAsync(opened.Board.Identity.Name, context.RequestAborted), TabJson.Default.TabDeclarationsView);
    }

    private static async Task<IResult> ChaseAsync(
        string name, string id, HttpContext context, TabCaller caller, BoardPermissions permissions, ITorLibrarySource library, IDeclarationItemStore items,
        DeclarationTally tally, DeclarationScheduler scheduler, IAuditLog audit, TimeProvider time, ILoggerFactory loggers)
    {
        var (opened, refusal) = await OpenForRunnersAsync(name, "chasing declarations", context, caller, permissions, library, loggers);
        if (opened is null)
        {
            return refusal!;
        }

        if (TabPost.Refusal(context) is { } unsafeRequest)
        {
            return unsafeRequest;
        }

        var (request, invalid) = await TabPost.ReadAsync(context, TabJson.Default.TabChaseRequest);
        if (request is null)
        {
            return invalid!;
        }

        if (!IsPressId(request.PressId))
        {
            return Results.Problem(detail: "pressId must be 8 to 64 letters, digits or hyphens, new for each press.", statusCode: StatusCodes.Status400BadRequest);
        }

        // The item must be this board's: running one board's meetings chases no one on another's.
        var board = opened.Board.Identity.Name;
        if (await items.FindAsync(id, context.RequestAborted) is not { } item || !string.Equals(item.BoardName, board, StringComparison.OrdinalIgnoreCase))
        {
            return Results.NotFound();
        }

        var status = await tally.StatusAsync(item, context.RequestAborted);
        // The press names the round (a prefix keeps tab presses apart from card presses), so pressing twice, or the
        // browser sending the request again, queues one card per outstanding member.
        var queued = status.Outstanding.Count == 0 ? 0 : await scheduler.QueueChaseAsync(item, status.Outstanding, $"tab-{request.PressId}", context.RequestAborted);
        if (queued > 0)
        {
            await audit.RecordAsync(opened.Access.PersonId!, time.GetUtcNow(), AuditAction.DeclarationsChase, board, $"{item.Title}: {queued} outstanding", context.RequestAborted);
        }

        return Results.Json(new TabChaseResult(queued, [.. status.Outstanding.Select(status.NameOf)]), TabJson.Default.TabChaseResult);
    }

    private static bool IsPressId(string? pressId) =>
        pressId is { Length: >= 8 and <= 64 } && pressId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
