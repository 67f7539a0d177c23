using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Routing;

/// <summary>The reply every feature sends most: Teams markdown text in answer to the member's message.</summary>
public static class TurnReplies
{
    /// <summary>Replies with <paramref name="markdown"/>; returns null (no invoke response) so handlers can return it.</summary>
    public static async Task<InvokeResponse?> ReplyMarkdownAsync(this ITurnContext turn, string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var reply = turn.Activity.CreateReply(markdown);
        reply.TextFormat = "markdown";
        await turn.SendActivityAsync(reply, cancellationToken);
        return null;
    }
}
