using System.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Tab;

/// <summary>
/// The per-board pages' API: <c>GET /tab/api/boards/{name}/overview</c> (anyone holding a role on the board; the
/// register is in TabRegisterEndpoints.cs, the rest beside it). Signed in as <c>/tab/api/boards</c> is; then the same 403 with no body for a board the
/// bot does not know, one of another tenant and one the person holds no role on, so the answer never tells a person
/// which board names exist in other tenants.
/// </summary>
public static partial class TabEndpoints
{
    private static async Task<IResult> OverviewAsync(
        string name, HttpContext context, TabCaller caller, BoardPermissions permissions, ITorLibrarySource library, TabBoardOverview overview, ILoggerFactory loggers)
    {
        var (opened, refusal) = await OpenBoardAsync(name, context, caller, permissions, library, loggers);
        return opened is null
            ? refusal!
            : Results.Json(await overview.ForAsync(opened.Board, opened.Access, context.RequestAborted), TabJson.Default.TabBoardOverviewView);
    }

    /// <summary>A board a signed-in person may open, with what they may see and do on it.</summary>
    private sealed record OpenedBoard(TermsOfReferenceModel Board, BoardAccess Access);

    /// <summary>Signs the request in and resolves the board and the person's access, or the response that refuses it.</summary>
    private static async Task<(OpenedBoard? Opened, IResult? Refusal)> OpenBoardAsync(
        string name, HttpContext context, TabCaller caller, BoardPermissions permissions, ITorLibrarySource library, ILoggerFactory loggers)
    {
        var signIn = await SignInAsync(context, caller, loggers);
        if (!signIn.IsAccepted)
        {
            return (null, Results.Unauthorized());
        }

        var logger = loggers.CreateLogger(typeof(TabEndpoints));
        if ((await library.GetAsync(context.RequestAborted)).Find(name) is not { } board)
        {
            // Deliberately the same answer as another tenant's board: a 404 here would let anyone probe for the names.
            LogBoardRefused(logger, "no board by that name");
            return (null, Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        var access = await permissions.AccessOfPersonAsync(signIn.PersonId, signIn.TenantId, board.Identity.Name, context.RequestAborted);
        if (access is null)
        {
            LogBoardRefused(logger, "the board is another tenant's, or the person holds no role on it");
            return (null, Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        return (new OpenedBoard(board, access), null);
    }

    /// <summary>The board's name as a file name any system keeps: lower-case letters and digits joined by hyphens.</summary>
    private static string FileNameOf(string boardName)
    {
        var name = new StringBuilder(boardName.Length);
        foreach (var c in boardName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var text = name.ToString().Trim('-');
        return text.Length == 0 ? "board" : text;
    }

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Refused /tab/api board request: {Reason}")]
    private static partial void LogBoardRefused(ILogger logger, string reason);
}
