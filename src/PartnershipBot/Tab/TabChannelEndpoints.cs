using System.Text.Json.Serialization;
using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Tab;

/// <summary>
/// <c>GET /tab/api/channel-board?channel=&lt;id&gt;</c>: the board a channel (or group chat) is linked to, for the
/// configurable tab's set-up page to fix the tab to. Signed in as <c>/tab/api/boards</c> is (401 with no body); the
/// link is the one chat keeps ("link this to &lt;board&gt;"), keyed by the channel's id, so the tab and the bot always
/// agree on the channel's board. 404 with a sentence saying how to link it when the channel has no board; 403 with no
/// body when the board is another tenant's or the person holds no role on it, as the per-board API answers.
/// </summary>
public static partial class TabEndpoints
{
    /// <summary>What the set-up page shows when the channel has no board yet (kept as the issue words it).</summary>
    public const string ChannelNotLinked =
        "This channel isn't linked to a board yet: say \"link this to <board>\" to the bot in the channel";

    // Teams conversation ids are well under this; anything longer is not one, and is not looked up.
    private const int MaxConversationIdLength = 512;

    private static async Task<IResult> ChannelBoardAsync(
        string? channel, HttpContext context, TabCaller caller, IBoardLinks links, BoardPermissions permissions, ILoggerFactory loggers)
    {
        var signIn = await SignInAsync(context, caller, loggers);
        if (!signIn.IsAccepted)
        {
            return Results.Unauthorized();
        }

        if (string.IsNullOrWhiteSpace(channel) || channel.Length > MaxConversationIdLength)
        {
            return Results.Problem(
                detail: $"channel must be the Teams channel's (or chat's) id, at most {MaxConversationIdLength} characters.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        // A thread's id names its channel too, as it does for the bot's own links.
        var link = await links.FindLinkAsync(ConversationScope.Of(channel.Trim()), context.RequestAborted);
        if (link is null)
        {
            return Results.Json(new TabError(ChannelNotLinked), TabJson.Default.TabError, statusCode: StatusCodes.Status404NotFound);
        }

        var access = await permissions.AccessOfPersonAsync(signIn.PersonId, signIn.TenantId, link.BoardName, context.RequestAborted);
        if (access is null)
        {
            var logger = loggers.CreateLogger(typeof(TabEndpoints));
            LogBoardRefused(logger, "the channel's board is another tenant's, or the person holds no role on it");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return Results.Json(new TabChannelBoard(access.BoardName, [.. access.Roles.Select(RoleName)]), TabJson.Default.TabChannelBoard);
    }
}

/// <summary>The answer of <c>GET /tab/api/channel-board</c>.</summary>
/// <param name="Board">The name of the board the channel is linked to.</param>
/// <param name="Roles">The signed-in person's roles on it, as chat names them.</param>
public sealed record TabChannelBoard(
    [property: JsonPropertyName("board")] string Board,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles);

/// <summary>A refusal the tab's page shows as it is.</summary>
/// <param name="Error">The sentence to show.</param>
public sealed record TabError([property: JsonPropertyName("error")] string Error);
