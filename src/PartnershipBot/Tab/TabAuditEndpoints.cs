using System.Globalization;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.TermsOfReference;

namespace PartnershipBot.Tab;

/// <summary>
/// <c>GET /tab/api/boards/{name}/audit?before=N&amp;size=M</c>: a board's audit log, newest first, a page at a time;
/// for the board's chair, vice-chair and secretariat, as the register is.
/// </summary>
public static partial class TabEndpoints
{
    private static async Task<IResult> AuditAsync(
        string name, string? before, string? size, HttpContext context, TabCaller caller, BoardPermissions permissions, ITorLibrarySource library, TabAudit audit,
        ILoggerFactory loggers)
    {
        var (opened, refusal) = await OpenForRunnersAsync(name, "the audit log", context, caller, permissions, library, loggers);
        if (opened is null)
        {
            return refusal!;
        }

        long? from = null;
        if (before is not null)
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return Results.Problem(detail: "before must be a whole number from 1: the next value of an earlier page.", statusCode: StatusCodes.Status400BadRequest);
            }

            from = parsed;
        }

        var take = TabAudit.DefaultPageSize;
        if (size is not null && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take < 1 || take > TabAudit.MaxPageSize))
        {
            return Results.Problem(detail: $"size must be a whole number from 1 to {TabAudit.MaxPageSize}.", statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Json(await audit.PageAsync(opened.Board.Identity.Name, from, take, context.RequestAborted), TabJson.Default.TabAuditView);
    }
}
