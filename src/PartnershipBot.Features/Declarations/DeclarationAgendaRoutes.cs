using System.Text.RegularExpressions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// "add 'Allocate the Safer Communities Fund' as a financial decision to the 12 March meeting" (chair,
/// vice-chair, secretariat, admins): stores the item against that meeting and queues each member's declaration
/// card to arrive the board's lead in UK working days before it.
/// </summary>
public sealed partial class DeclarationAgendaRoutes(
    FinancialDecisions financial,
    IMeetingStore meetings,
    BoardContextResolver boards,
    TimeProvider time) : IFeatureRoutes
{
    private static readonly BoardRequest Runners = BoardRequest.RunMeetings("add financial decisions to the agenda", "whose meeting you mean");

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Financial decisions**: \"add '<item>' as a financial decision to the 12 March meeting\" sends members a declaration card before that meeting", HelpAudience.MeetingRunners);
        routes.AddMessage("declarations/add-item", 500, turn => AddCommand().IsMatch(turn.Text), AddAsync);
    }

    private async Task<InvokeResponse?> AddAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = AddCommand().Match(turn.Text);
        var title = match.Groups["item"].Value.Trim();
        var gate = await boards.LinkedAsync(turn, Runners, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var now = time.GetUtcNow();
        var meeting = await MeetingOnDate.FindAsync(meetings, board, match, now, cancellationToken);
        if (meeting is null)
        {
            return await turn.ReplyMarkdownAsync($"I can't find a meeting of the {board} on {match.Groups["date"].Value.Trim()}. \"when is the next meeting?\" shows what is scheduled; the chair or secretariat can say \"schedule the next 4 meetings\".", cancellationToken);
        }

        return await turn.ReplyMarkdownAsync(await financial.AddAsync(board, meeting, title, BoardPermissions.PersonOf(turn), cancellationToken), cancellationToken);
    }

    [GeneratedRegex(@"^\s*(?:please\s+)?add\s+[""'“‘]?(?<item>.+?)[""'”’]?\s+as\s+an?\s+financial\s+decision\s+(?:to|for|on)\s+(?:the\s+)?(?<date>" + MeetingOnDate.DatePattern + @")\s+meeting\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AddCommand();
}
