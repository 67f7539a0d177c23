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
public sealed class TermsOfReferenceRoutes(BoardContextResolver resolver, IBoardRoles roles, ILastAskedBoards lastAsked, BotTelemetry telemetry, TimeProvider time) : IFeatureRoutes
{
    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Terms of Reference**: ask in your own words, e.g. \"who chairs the board?\", \"what's the quorum?\", \"when do papers go out?\"");
        routes.AddMessage("terms/question", 0, turn => !string.IsNullOrWhiteSpace(turn.Text), AnswerAsync);
    }

    private async Task<Protocol.Schema.InvokeResponse?> AnswerAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // Only the boards of the asker's tenant: another council's board is neither answered nor named.
        var boards = await resolver.LibraryForAsync(turn, cancellationToken);
        if (boards.Boards.Count == 0)
        {
            return await turn.ReplyMarkdownAsync(NoBoardsReply, cancellationToken);
        }

        var conversationId = turn.Activity.GetConversationScopeId() ?? string.Empty;
        var linked = (await resolver.LinkedAsync(turn, BoardRequest.Anyone(), cancellationToken)).LinkedBoard;
        // A conversation not linked to a board carries over the last board it asked about, stored so a restart keeps it.
        var conversationBoard = linked ?? await lastAsked.FindAsync(conversationId, cancellationToken);
        TorAnswer answer;
        try
        {
            answer = boards.Ask(turn.Text.Trim(), conversationBoard);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // Every engine pattern is timed (TorRegex); a question that trips one gets a plain request, not a failed turn.
            return await turn.ReplyMarkdownAsync(QuestionTooHardReply, cancellationToken);
        }

        telemetry.Answer(answer.Answered, answer.Topic.ToString());
        if (answer.Board.Length > 0 && boards.Find(answer.Board) is not null)
        {
            await lastAsked.RememberAsync(conversationId, answer.Board, time.GetUtcNow(), cancellationToken);
        }

        return await turn.ReplyMarkdownAsync(Format(answer) + await HoldersAsync(turn, boards, answer, cancellationToken) + await QuorumOfRosterAsync(boards, answer, cancellationToken), cancellationToken);
    }

    /// <summary>Role holders' names are board details; a refusal just leaves them out, so it has no words.</summary>
    private static readonly BoardRequest SeeNames = new(BoardDuty.SeeDetails, NeedsTerms: false, string.Empty, string.Empty);

    /// <summary>What someone hears when their question could not be read within the engine's time limit.</summary>
    public const string QuestionTooHardReply = "I couldn't read that question in time. Could you ask it more briefly, in one sentence?";

    /// <summary>What someone hears when no board's ToR is open to their tenant yet.</summary>
    public const string NoBoardsReply =
        "I don't have any board's Terms of Reference for your organisation yet. An admin can link this conversation to a board (\"link this to <board>\"), or the secretariat can send me the ToR.";

    /// <summary>
    /// For "who is the chair?": the people holding the role in the bot's records, beside the ToR's rule. People's
    /// names go only to the board's own people and its linked conversations; anyone else in the tenant gets the ToR alone.
    /// </summary>
    private async Task<string> HoldersAsync(ITurnContext turn, TorLibrary boards, TorAnswer answer, CancellationToken cancellationToken)
    {
        var (board, topic) = (answer.Board, answer.Topic);
        if (board.Length == 0 || topic is not (Topic.Chair or Topic.ViceChair or Topic.Secretariat) || boards.Find(board) is null
            || !(await resolver.NamedAsync(turn, board, SeeNames, cancellationToken)).Allowed)
        {
            return string.Empty;
        }

        var role = topic switch { Topic.Chair => BoardRole.Chair, Topic.ViceChair => BoardRole.ViceChair, _ => BoardRole.Secretariat };
        var holders = await roles.HoldersAsync(board, role, cancellationToken);
        return holders.Count == 0
            ? string.Empty
            : $"\n\nCurrently {RoleRoutes.RoleName(role)}: **{string.Join(", ", holders.Select(h => MarkdownText.Escape(h.Name ?? h.PersonId)))}** (as recorded by the secretariat).";
    }

    /// <summary>
    /// For a quorum answer: the rule applied to the voting members recorded for the board, and to the attendance the
    /// question gives. Only a count is shown, never who the members are.
    /// </summary>
    private async Task<string> QuorumOfRosterAsync(TorLibrary boards, TorAnswer answer, CancellationToken cancellationToken)
    {
        if (!answer.Answered || answer.Topic != Topic.Quorum || boards.Find(answer.Board) is not { Quorum: { } rule })
        {
            return string.Empty;
        }

        var members = (await VotingMembers.OfAsync(roles, answer.Board, cancellationToken)).Count;
        return members == 0 ? string.Empty : "\n\n" + RosterQuorum.Describe(rule, members, RosterQuorum.AttendingIn(answer.Question));
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
