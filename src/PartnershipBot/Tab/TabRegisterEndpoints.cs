using System.Globalization;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Infrastructure.Documents;

namespace PartnershipBot.Tab;

/// <summary>
/// A board's register of interests, for its chair, vice-chair and secretariat only (403 for anyone else, as "who has
/// declared?" is in chat): <c>GET /tab/api/boards/{name}/register</c>, the rows for the page, and
/// <c>GET /tab/api/boards/{name}/register.csv</c>, the same CSV as <c>declarations export</c>. Both take the same
/// filters (<c>person</c>, <c>item</c>, <c>from</c>, <c>to</c>; 400 with the reason when one is not valid), checked
/// only once the caller may see the register, so a refusal tells nothing about the query.
/// </summary>
public static partial class TabEndpoints
{
    private static async Task<IResult> RegisterAsync(
        string name, string? person, string? item, string? from, string? to, HttpContext context, TabCaller caller, BoardPermissions permissions,
        ITorLibrarySource library, IDeclarationRegister register, ILoggerFactory loggers)
    {
        var (opened, refusal) = await OpenForRunnersAsync(name, "the register", context, caller, permissions, library, loggers);
        if (opened is null)
        {
            return refusal!;
        }

        var (filter, problem) = TabRegister.Parse(person, item, from, to);
        if (filter is null)
        {
            return Results.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var boardName = opened.Board.Identity.Name;
        var records = await register.ListAsync(boardName, item: null, context.RequestAborted);
        return Results.Json(TabRegister.View(boardName, filter, records), TabJson.Default.TabRegisterView);
    }

    private static async Task<IResult> RegisterCsvAsync(
        string name, string? person, string? item, string? from, string? to, HttpContext context, TabCaller caller, BoardPermissions permissions,
        ITorLibrarySource library, IDeclarationRegister register, TimeProvider time, ILoggerFactory loggers)
    {
        var (opened, refusal) = await OpenForRunnersAsync(name, "the register", context, caller, permissions, library, loggers);
        if (opened is null)
        {
            return refusal!;
        }

        var (filter, problem) = TabRegister.Parse(person, item, from, to);
        if (filter is null)
        {
            return Results.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var boardName = opened.Board.Identity.Name;
        var records = filter.Apply(await register.ListAsync(boardName, item: null, context.RequestAborted));
        using var csv = new MemoryStream();
        await DeclarationsCsv.WriteAsync(records, csv, context.RequestAborted);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var today = MeetingTimes.DateOf(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Results.File(csv.ToArray(), "text/csv; charset=utf-8", $"{FileNameOf(boardName)}-register-{today}.csv");
    }
}
