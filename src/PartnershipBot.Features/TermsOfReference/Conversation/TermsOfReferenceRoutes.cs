using System.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.TermsOfReference.Conversation;

/// <summary>
/// Members' questions about their board's ToR, in Teams. It takes any text no other feature claims
/// (lowest priority), answers with the quoted clause, and remembers which board the conversation last
/// asked about, so "and what's the quorum?" needs no board name the second time. A conversation linked to a
/// board (board set-up) always uses that board unless the question names another.
/// </summary>
public sealed class TermsOfReferenceRoutes(ITorLibrarySource library, IBoardDirectory directory) : IFeatureRoutes
{
    // A conversation not linked to a board carries over the last board it asked about (a convenience: bounded).
    private readonly PerConversation<string> conversationBoards = new(10_000);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Terms of Reference**: ask in your own words, e.g. \"who chairs the board?\", \"what's the quorum?\", \"when do papers go out?\"");
        routes.AddMessage("terms/question", 0, turn => !string.IsNullOrWhiteSpace(turn.Text), AnswerAsync);
    }

    private async Task<Protocol.Schema.InvokeResponse?> AnswerAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var boards = await library.GetAsync(cancellationToken);
        var conversationId = turn.Activity.GetConversationScopeId() ?? string.Empty;
        var link = await directory.FindLinkAsync(conversationId, cancellationToken);
        var conversationBoard = link?.BoardName ?? (conversationBoards.TryGet(conversationId, out var lastAsked) ? lastAsked : null);
        var answer = boards.Ask(turn.Text.Trim(), conversationBoard);
        if (answer.Board.Length > 0 && boards.Find(answer.Board) is not null)
        {
            conversationBoards.Set(conversationId, answer.Board);
        }

        return await turn.ReplyMarkdownAsync(Format(answer) + await HoldersAsync(answer, cancellationToken), cancellationToken);
    }

    /// <summary>For "who is the chair?": the people holding the role in the bot's records, beside the ToR's rule.</summary>
    private async Task<string> HoldersAsync(TorAnswer answer, CancellationToken cancellationToken)
    {
        var (board, topic) = (answer.Board, answer.Topic);
        if (board.Length == 0 || topic is not (Topic.Chair or Topic.ViceChair or Topic.Secretariat))
        {
            return string.Empty;
        }

        var role = topic switch { Topic.Chair => BoardRole.Chair, Topic.ViceChair => BoardRole.ViceChair, _ => BoardRole.Secretariat };
        var holders = await directory.HoldersAsync(board, role, cancellationToken);
        return holders.Count == 0
            ? string.Empty
            : $"\n\nCurrently {RoleRoutes.RoleName(role)}: **{string.Join(", ", holders.Select(h => h.Name ?? h.PersonId))}** (as recorded by the secretariat).";
    }

    /// <summary>The answer as Teams markdown: the lead, then each clause as a quote with its section.</summary>
    public static string Format(TorAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var lines = answer.Answer.Split('\n');
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var citation = answer.Citations.FirstOrDefault(c => line.Contains(c.Text, StringComparison.Ordinal) && line.StartsWith('“'));
            if (citation is null)
            {
                text.Append(line).Append("\n\n");
            }
            else
            {
                text.Append("> ").Append(citation.Text).Append("\n>\n> *").Append(citation.Section).Append("*\n\n");
            }
        }

        return text.ToString().TrimEnd();
    }
}
