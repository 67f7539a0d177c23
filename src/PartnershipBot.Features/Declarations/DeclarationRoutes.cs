using System.Globalization;
using System.Text.RegularExpressions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// Declarations in the board's conversation: "open declarations for ITEM" sends the card now (to each member and
/// here), "declarations for ITEM" is the chair's view, "quorum for ITEM with N members" applies the ToR's quorum
/// rule after the members who declared an interest withdraw, and "declarations" says how it works.
/// </summary>
public sealed partial class DeclarationRoutes(
    IDeclarationRegister register,
    IDeclarationItemStore items,
    DeclarationMembers members,
    DeclarationTally tally,
    DeclarationScheduler scheduler,
    BoardContextResolver boards,
    Interests.RelevantInterests standing,
    TimeProvider time) : IFeatureRoutes
{
    private const string WhoseRegister = "whose register to use";
    private static readonly BoardRequest OpenRequest = BoardRequest.RunMeetings("open declarations", WhoseRegister);
    private static readonly BoardRequest ChairRequest = BoardRequest.RunMeetings("see who has declared", WhoseRegister);
    private static readonly BoardRequest QuorumRequest = BoardRequest.RunMeetings("check the quorum after withdrawals", "which quorum rule applies", needsTerms: true);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Declarations**: \"open declarations for <item>\" sends the card to members now; \"declarations for <item>\" shows who has declared; \"quorum for <item> with <N> members\" checks the quorum after withdrawals", HelpAudience.MeetingRunners);
        routes.AddMessage("declarations/open", 500, turn => OpenCommand().IsMatch(turn.Text), OpenAsync);
        routes.AddMessage("declarations/chair", 500, turn => ChairCommand().IsMatch(turn.Text), ChairViewAsync);
        routes.AddMessage("declarations/about", 500, turn => AboutCommand().IsMatch(turn.Text), AboutAsync);
        routes.AddMessage("declarations/quorum", 500, turn => QuorumCommand().IsMatch(turn.Text), QuorumAsync);
    }

    /// <summary>"When the item comes up": sends the card to every member now (a new round) and posts it here.</summary>
    private async Task<InvokeResponse?> OpenAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var title = Unquote(OpenCommand().Match(turn.Text).Groups["item"].Value);
        var gate = await boards.LinkedAsync(turn, OpenRequest, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        // An item on the agenda is found by its title; one raised in the meeting is recorded as an item without a meeting.
        var now = time.GetUtcNow();
        var item = await items.FindByTitleAsync(board, title, now, cancellationToken)
            ?? (await items.AddAsync(new DeclarationItem(Guid.NewGuid().ToString("N"), board, null, null, title, BoardPermissions.PersonOf(turn), now), cancellationToken)).Item;
        var status = await tally.StatusAsync(item, cancellationToken);
        var round = await items.NextSendRoundAsync(item.ItemId, cancellationToken);
        var queued = await scheduler.QueueRoundAsync(item, status.Members, round, cancellationToken);

        var reply = turn.Activity.CreateReply(queued == 0
            ? "No members of this board are recorded, so the card is only here. The secretariat can say \"import members\" to send it to each member too."
            : $"Sending the card to {queued} members in their chats with me too.");
        reply.Attachments = [DeclarationCards.Shared(status).ToAttachment()];
        await turn.SendActivityAsync(reply, cancellationToken);
        return null;
    }

    private async Task<InvokeResponse?> ChairViewAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var title = Unquote(ChairCommand().Match(turn.Text).Groups["item"].Value);
        var gate = await boards.LinkedAsync(turn, ChairRequest, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var item = await items.FindByTitleAsync(board, title, time.GetUtcNow(), cancellationToken);
        if (item is null)
        {
            return await turn.ReplyMarkdownAsync($"There is no financial decision called “{title}” for the {board}. Add it with \"add '{title}' as a financial decision to the <date> meeting\", or say \"open declarations for {title}\".", cancellationToken);
        }

        var status = await tally.StatusAsync(item, cancellationToken);
        var (quorum, problem) = await tally.QuorumAsync(status, cancellationToken);
        var reply = turn.Activity.CreateReply();
        var relevant = await standing.ForItemAsync(item, cancellationToken);
        reply.Attachments = [DeclarationCards.Chair(status, quorum, problem, drawing: Guid.NewGuid().ToString("N"), standing: relevant).ToAttachment()];
        await turn.SendActivityAsync(reply, cancellationToken);
        return null;
    }

    /// <summary>The quorum for a membership the chair states (e.g. those present), after the item's withdrawals.</summary>
    private async Task<InvokeResponse?> QuorumAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = QuorumCommand().Match(turn.Text);
        var title = Unquote(match.Groups["item"].Value);
        var count = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        // It names who withdraws and why: the chair's information, as in the chair's view.
        var gate = await boards.LinkedAsync(turn, QuorumRequest, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        if (gate.Board.Terms.Quorum is not { } rule)
        {
            return await turn.ReplyMarkdownAsync($"The {board} Terms of Reference don't give a quorum rule I can apply, so I can't say whether the meeting is quorate.", cancellationToken);
        }

        // A member's latest declaration for the item counts; anyone with an interest withdraws.
        var item = await items.FindByTitleAsync(board, title, time.GetUtcNow(), cancellationToken);
        var declarations = item is null ? await register.ListAsync(board, title, cancellationToken) : await register.ListForItemAsync(item, cancellationToken);
        var withdrawing = declarations.GroupBy(d => d.Entry.PersonId).Select(g => g.Last()).Where(d => d.Entry.Interest != InterestKind.None).ToList();
        var check = QuorumCheck.Apply(rule, count, withdrawing.Count);
        var names = withdrawing.Count == 0 ? string.Empty : $" Withdrawing: {string.Join(", ", withdrawing.Select(d => d.Entry.PersonName ?? d.Entry.PersonId))}.";
        var verdict = check.Quorate
            ? $"**{check.Arithmetic}**"
            : $"**Warning: {check.Arithmetic}** The decision on \"{title}\" should not be taken.";
        var relevant = item is null ? [] : await standing.ForItemAsync(item, cancellationToken);
        var standingText = relevant.Count == 0 ? string.Empty : $"\n\n**{DeclarationCards.StandingHeading}** (the chair decides whether any is an interest in this item):\n\n"
            + string.Join("\n", relevant.Take(Interests.RelevantInterests.MostShown).Select(r => "- " + MarkdownText.Escape(r.ToString())));
        return await turn.ReplyMarkdownAsync($"{verdict}{names}\n\nThe ToR rule: “{rule.Text}”{standingText}", cancellationToken);
    }

    /// <summary>"declarations" on its own (the manifest's command): how declarations work here, and the ToR's rule.</summary>
    private async Task<InvokeResponse?> AboutAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // How it works is for anyone; the board's own rule and member count only where the conversation has one.
        var linked = (await boards.LinkedAsync(turn, BoardRequest.Anyone(), cancellationToken)).Board;
        var board = linked?.Name;
        var model = linked?.TermsOrNull;
        var rule = model?.Facts[TermsOfReference.Model.Topic.ConflictsOfInterest] is { Status: TermsOfReference.Model.FactStatus.Stated } fact
            ? $"\n\nThe {board} Terms of Reference say: “{fact.Text}”"
            : string.Empty;
        var known = board is null ? 0 : (await members.OfBoardAsync(board, cancellationToken)).Count;
        return await turn.ReplyMarkdownAsync(
            "The chair or secretariat says \"add 'Allocate the fund' as a financial decision to the 12 March meeting\"; each member then gets a declaration card "
            + "in their chat with me a few working days before. \"open declarations for <item>\" sends it again when the item comes up, "
            + "and \"declarations for <item>\" shows who has declared, who is outstanding and whether the meeting stays quorate."
            + (known == 0 ? " No members are recorded for this board yet: the secretariat can say \"import members\"." : string.Empty) + rule, cancellationToken);
    }

    private static string Unquote(string text) => text.Trim().Trim('"', '\'', '“', '”', '‘', '’').Trim();

    [GeneratedRegex(@"^\s*(?:declarations?|declare(?:\s+an?)?\s+interests?)\s*[.!?]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AboutCommand();

    [GeneratedRegex(@"^\s*open\s+declarations?\s+(?:for|on)\s+(?<item>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex OpenCommand();

    [GeneratedRegex(@"^\s*(?:show\s+(?:the\s+)?)?declarations?\s+(?:for|on)\s+(?<item>.+?)\s*\??\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ChairCommand();

    [GeneratedRegex(@"^\s*(?:is\s+(?:it|the meeting)\s+)?quor(?:um|ate)\s+(?:check\s+)?(?:for|on)\s+(?<item>.+?)\s+with\s+(?<n>\d{1,3})\s+members\s*\??\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex QuorumCommand();
}
