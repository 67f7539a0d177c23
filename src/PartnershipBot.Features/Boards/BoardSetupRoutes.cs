using System.Globalization;
using System.Text.RegularExpressions;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Boards;

/// <summary>
/// Linking a Teams conversation to its board: "link this to &lt;board&gt;", "unlink", "which board is this?".
/// Linking is for admins and the board's secretariat; answers in the conversation then use its board.
/// </summary>
public sealed partial class BoardSetupRoutes(IBoardLinks links, IBoardNations nations, ITorLibrarySource library, BoardPermissions permissions, BoardContextResolver resolver, TimeProvider time) : IFeatureRoutes
{
    private static readonly BoardRequest ChangeNation = BoardRequest.SetUp("change which bank holidays the board keeps", "say which nation it is in");

    // Linking and unlinking name their board, so another tenant's board and a missing duty get the same refusal.
    private static readonly BoardRequest Link = SetUpOnly("link a conversation to a board");

    private static readonly BoardRequest Unlink = SetUpOnly("unlink a conversation");

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**This conversation**: \"which board is this?\"");
        routes.AddHelp("**Set-up**: \"link this to <board>\", \"unlink\"", HelpAudience.SetUp);
        routes.AddMessage("boards/link", 500, turn => LinkCommand().IsMatch(turn.Text), LinkAsync);
        routes.AddMessage("boards/unlink", 500, turn => UnlinkCommand().IsMatch(turn.Text), UnlinkAsync);
        routes.AddMessage("boards/which", 500, turn => WhichCommand().IsMatch(turn.Text), WhichAsync);
        routes.AddHelp("**Bank holidays**: deadlines count England and Wales bank holidays unless an admin or the secretariat says \"this board is in Scotland\" (or Northern Ireland)");
        routes.AddMessage("boards/nation", 500, turn => NationCommand().IsMatch(turn.Text), NationAsync);
    }

    /// <summary>"This board is in Scotland": from then on its deadlines and meeting dates use Scotland's bank holidays.</summary>
    private async Task<InvokeResponse?> NationAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var gate = await resolver.LinkedAsync(turn, ChangeNation, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var said = NationCommand().Match(turn.Text).Groups["nation"].Value.ToLowerInvariant();
        var nation = said.StartsWith("scot", StringComparison.Ordinal) ? UkNation.Scotland
            : said.StartsWith("northern", StringComparison.Ordinal) ? UkNation.NorthernIreland
            : UkNation.EnglandAndWales;
        await nations.SetNationAsync(board, nation, BoardPermissions.PersonOf(turn), time.GetUtcNow(), cancellationToken);
        var name = nation switch { UkNation.Scotland => "Scotland", UkNation.NorthernIreland => "Northern Ireland", _ => "England and Wales" };
        return await turn.ReplyMarkdownAsync($"The **{board}** now counts working days with {name}'s bank holidays (GOV.UK data). Meetings booked from now on, and their deadlines, use them.", cancellationToken);
    }

    private async Task<InvokeResponse?> LinkAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var name = LinkCommand().Match(turn.Text).Groups["board"].Value.Trim().TrimEnd('.', '!');
        // Only the boards of this tenant and those no tenant has claimed yet: another council's boards are not even
        // named. The name is read against every board, so one naming another council's board never lands on a
        // look-alike of this tenant's.
        var all = await library.GetAsync(cancellationToken);
        var boards = await permissions.LibraryForAsync(turn, withUnclaimed: true, cancellationToken);
        // The verbs' resolver first (exact, then a unique prefix of a name or title), so "Thurrock" means the same board
        // in chat and on the command line; then the question reader's looser match (acronyms, a name inside a sentence).
        var named = BoardNames.Resolve(name, all.Boards.Select(b => (b.Identity.Name, (IEnumerable<string>)[b.Identity.Title]))).Board;
        var meant = all.Boards.Count == 0 ? null : all.Find(name) ?? (named is null ? null : all.Find(named)) ?? all.Resolve(TermsOfReference.Answering.QuestionAnalyzer.Analyze(name, new HashSet<string>()));
        var board = meant is null ? null : boards.Find(meant.Identity.Name);
        if (board is null)
        {
            var known = string.Join("\n", boards.Boards.Select(b => $"- {b.Identity.Name}"));
            return await turn.ReplyMarkdownAsync(boards.Boards.Count == 0
                ? $"I don't know a board called \"{name}\", and no board's Terms of Reference are set up for your organisation yet. An admin can link a conversation to a board."
                : $"I don't know a board called \"{name}\". The boards I have Terms of Reference for are:\n\n{known}\n\nSay \"link this to\" and one of these names.", cancellationToken);
        }

        // The first link claims an unclaimed board for this tenant (admins only); a board of another tenant is refused.
        if (!await permissions.ClaimForTurnAsync(turn, board.Identity.Name, cancellationToken)
            || !(await resolver.NamedAsync(turn, board.Identity.Name, Link, cancellationToken)).Allowed)
        {
            return await turn.ReplyMarkdownAsync(Link.Refused, cancellationToken);
        }

        var conversationId = turn.Activity.GetConversationScopeId() ?? string.Empty;
        await links.LinkAsync(new ConversationBoardLink(conversationId, board.Identity.Name, BoardPermissions.PersonOf(turn), time.GetUtcNow()), cancellationToken);
        return await turn.ReplyMarkdownAsync($"This conversation is now linked to the **{board.Identity.Name}**. Questions asked here use its Terms of Reference.", cancellationToken);
    }

    private async Task<InvokeResponse?> UnlinkAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var conversationId = turn.Activity.GetConversationScopeId() ?? string.Empty;
        var link = await links.FindLinkAsync(conversationId, cancellationToken);
        if (link is null)
        {
            return await turn.ReplyMarkdownAsync("This conversation isn't linked to a board.", cancellationToken);
        }

        // The stored link, not the resolver's, so a link this tenant may not use is refused rather than called absent.
        if (!(await resolver.NamedAsync(turn, link.BoardName, Unlink, cancellationToken)).Allowed)
        {
            return await turn.ReplyMarkdownAsync(Unlink.Refused, cancellationToken);
        }

        await links.UnlinkAsync(conversationId, BoardPermissions.PersonOf(turn), time.GetUtcNow(), cancellationToken);
        return await turn.ReplyMarkdownAsync($"This conversation is no longer linked to the {link.BoardName}.", cancellationToken);
    }

    private async Task<InvokeResponse?> WhichAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var link = await permissions.LinkedBoardAsync(turn, cancellationToken) is null ? null
            : await links.FindLinkAsync(turn.Activity.GetConversationScopeId() ?? string.Empty, cancellationToken);
        return await turn.ReplyMarkdownAsync(link is null
            ? BoardRefusals.NotLinked()
            : string.Create(CultureInfo.InvariantCulture, $"This conversation belongs to the **{link.BoardName}** (linked {link.LinkedAt:d MMM yyyy})."), cancellationToken);
    }

    private static BoardRequest SetUpOnly(string toDo) =>
        new(BoardDuty.SetUp, NeedsTerms: false, BoardRefusals.SetUpOnly(toDo), BoardRefusals.SetUpOnly(toDo));

    [GeneratedRegex(@"^\s*link\s+(?:this|this\s+(?:chat|channel|conversation|team)|us|here)?\s*to\s+(?:the\s+)?(?<board>.+)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LinkCommand();

    [GeneratedRegex(@"^\s*unlink(?:\s+(?:this|this\s+(?:chat|channel|conversation)|us|here))?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex UnlinkCommand();

    [GeneratedRegex(@"^\s*(?:this\s+board\s+is\s+in|(?:set|change)\s+(?:the\s+)?(?:board'?s\s+)?nation\s+to|use)\s+(?:the\s+)?(?<nation>england(?:\s+and\s+wales)?|wales|scotland|scottish|northern\s+ireland|northern\s+irish)(?:\s+bank\s+holidays)?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NationCommand();

    [GeneratedRegex(@"^\s*(?:which|what)\s+board\s+is\s+(?:this|this\s+(?:chat|channel|conversation)|here)\s*\??\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex WhichCommand();
}
