using System.Text.RegularExpressions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Agenda;

/// <summary>
/// The board's standing agenda items in its conversation: "standing items" shows them and where they come from; the
/// secretariat says "standing items: apologies, declarations, minutes, AOB" to set them (short words spelled out,
/// closing items put after the business) and "standing items: as the ToR" to go back to the ToR's (or the default).
/// </summary>
public sealed partial class StandingItemRoutes(IStandingItemsStore store, MeetingAgenda agendas, BoardContextResolver boards, TimeProvider time) : IFeatureRoutes
{
    private const string WhoseItems = "whose standing items you mean";
    private static readonly BoardRequest Change = BoardRequest.SetUp("change the board's standing items", "say the standing items again");
    private static readonly BoardRequest Read = BoardRequest.Anyone(WhoseItems);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Standing items**: \"standing items\" (what every agenda starts and ends with); the secretariat: \"standing items: apologies, declarations, minutes, AOB\" or \"standing items: as the ToR\"", HelpAudience.MeetingRunners);
        routes.AddMessage("agenda/standing-show", 489, turn => ShowCommand().IsMatch(turn.Text), ShowAsync);
        routes.AddMessage("agenda/standing-set", 488, turn => SetCommand().IsMatch(turn.Text), SetAsync);
    }

    private async Task<InvokeResponse?> ShowAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Read, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var standing = await agendas.StandingItemsOfAsync(gate.Board.Name, cancellationToken);
        return await turn.ReplyMarkdownAsync(Describe(gate.Board.Name, standing), cancellationToken);
    }

    private async Task<InvokeResponse?> SetAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Change, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var list = SetCommand().Match(turn.Text).Groups["list"].Value;
        if (ResetWords().IsMatch(list))
        {
            await store.ClearAsync(board, cancellationToken);
            var back = await agendas.StandingItemsOfAsync(board, cancellationToken);
            return await turn.ReplyMarkdownAsync("Done: the board's own list is gone. " + Describe(board, back), cancellationToken);
        }

        var items = ListSplit().Split(list).Select(StandingItems.Clean).Where(i => i.Length > 0).ToList();
        if (items.Count == 0 || items.Count > StandingItems.MaxItems)
        {
            return await turn.ReplyMarkdownAsync(
                $"Please give between 1 and {StandingItems.MaxItems} standing items, separated by commas: \"standing items: apologies, declarations, minutes, matters arising, AOB\". Nothing was changed.", cancellationToken);
        }

        var standing = StandingItems.FromList(items, StandingItemsSource.Secretariat);
        await store.SetAsync(new BoardStandingItems(board, [.. standing.All], BoardPermissions.PersonOf(turn), time.GetUtcNow()), cancellationToken);
        return await turn.ReplyMarkdownAsync("Saved. " + Describe(board, standing) + " Coming agendas and packs use them.", cancellationToken);
    }

    private static string Describe(string board, StandingItems standing)
    {
        var source = standing.Source switch
        {
            StandingItemsSource.Secretariat => "as the secretariat set them",
            StandingItemsSource.TermsOfReference => "as its Terms of Reference list them",
            _ => "the usual ones, since its Terms of Reference list none",
        };
        var before = standing.Opening.Count == 0 ? "nothing" : string.Join("; ", standing.Opening.Select(MarkdownText.Escape));
        var after = standing.Closing.Count == 0 ? "nothing" : string.Join("; ", standing.Closing.Select(MarkdownText.Escape));
        return $"Standing items of the **{board}** ({source}): before the business, {before}; after it, {after}.";
    }

    [GeneratedRegex(@"^\s*(?:what\s+are\s+|show\s+(?:me\s+)?)?(?:the\s+)?(?:board'?s\s+)?standing\s+(?:agenda\s+)?items\s*[?.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ShowCommand();

    [GeneratedRegex(@"^\s*(?:(?:please\s+)?(?:set|change|make)\s+(?:the\s+)?)?standing\s+(?:agenda\s+)?items(?:\s+(?:to|are|to\s+be))?\s*[:=]?\s*(?<list>[A-Za-z][^\r\n]{0,1200})$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex SetCommand();

    [GeneratedRegex(@"^\s*(?:(?:back\s+to\s+|as\s+(?:in\s+)?|from\s+)?(?:the\s+)?(?:tor|terms\s+of\s+reference|default)(?:\s+says?)?|reset|clear)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ResetWords();

    [GeneratedRegex(@"\s*[;,\n]\s*(?:and\s+)?", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ListSplit();
}
