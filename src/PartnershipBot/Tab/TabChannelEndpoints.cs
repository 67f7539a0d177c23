using System.Text.Json.Serialization;
using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Tab;

/// <summary>
/// <c>GET /tab/api/channel-board?channel=&lt;id&gt;</c>: the board a channel (or group chat) is linked to, for the
/// configurable tab's set-up page to fix the tab to. Signed in as <c>/tab/api/boards</c> is (401 with no body); the
/// link is the one chat keeps ("link this to &lt;board&gt;"), keyed by the channel's id, so the tab and the bot always
/// agree on the channel's board. The caller's tenant and roles are checked first: 403 with no body for someone holding
/// no role on any board of their tenant, linked channel or not; then 404 with a sentence saying how to link it when
/// the channel has no board or its board is another tenant's (the same answer, so no tenant learns which channels of
/// another are linked); 403 with no body when the board is the caller's tenant's but they hold no role on it.
/// </summary>
public static partial class TabEndpoints
{
    /// <summary>What the set-up page shows when the channel has no board yet (kept as the issue words it).</summary>
    public const string ChannelNotLinked =
        "This channel isn't linked to a board yet: say \"link this to <board>\" to the bot in the channel";

    // Teams conversation ids are well under this; anything longer is not one, and is not looked up.
    private const int MaxConversationIdLength = 512;

    private static async Task<IResult> ChannelBoardAsync(
        string? channel, HttpContext context, TabCaller caller, IBoardLinks links, IBoardTenancy tenancy, BoardPermissions permissions, ILoggerFactory loggers)
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

        // The caller's tenant and roles before the link: someone holding no role on any board of their own tenant is
        // told nothing, whether or not the channel is linked.
        var logger = loggers.CreateLogger(typeof(TabEndpoints));
        var held = await permissions.BoardsHeldAsync(signIn.PersonId, signIn.TenantId, context.RequestAborted);
        if (held.Count == 0)
        {
            LogBoardRefused(logger, "the person holds no role on any board of their tenant");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        // A thread's id names its channel too, as it does for the bot's own links.
        var link = await links.FindLinkAsync(ConversationScope.Of(channel.Trim()), context.RequestAborted);
        if (link is not null && held.FirstOrDefault(b => string.Equals(b.BoardName, link.BoardName, StringComparison.OrdinalIgnoreCase)) is { } board)
        {
            return Results.Json(new TabChannelBoard(board.BoardName, [.. board.Roles.Select(RoleName)]), TabJson.Default.TabChannelBoard);
        }

        // A channel linked to another tenant's board is answered exactly as an unlinked one: an unlinked channel has no
        // tenant to compare, so anything else would tell another tenant which of its channels are linked.
        if (link is null || !permissions.TenantAllows(await tenancy.TenantOfAsync(link.BoardName, context.RequestAborted), signIn.TenantId))
        {
            return Results.Json(new TabError(ChannelNotLinked), TabJson.Default.TabError, statusCode: StatusCodes.Status404NotFound);
        }

        LogBoardRefused(logger, "the channel's board is one of the person's tenant they hold no role on");
        return Results.StatusCode(StatusCodes.Status403Forbidden);
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
