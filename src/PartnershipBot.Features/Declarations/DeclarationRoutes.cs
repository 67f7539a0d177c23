using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// Conflict-of-interest declarations before a financial decision: the chair or secretariat opens them for an
/// item in the board's conversation, members answer on the card, each answer is stored in the hash-chained
/// register before it is acknowledged, and "quorum for ITEM with N members" applies the ToR's quorum rule after
/// the members who declared an interest withdraw.
/// </summary>
public sealed partial class DeclarationRoutes(
    IDeclarationRegister register, IBoardDirectory directory, BoardPermissions permissions, ITorLibrarySource library, TimeProvider time) : IFeatureRoutes
{
    private const int MinimumNature = 3;

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Declarations** (chair and secretariat): \"open declarations for <item>\" posts a card for members; \"quorum for <item> with <N> members\" checks the quorum after withdrawals");
        routes.AddMessage("declarations/open", 500, turn => OpenCommand().IsMatch(turn.Text), OpenAsync);
        routes.AddMessage("declarations/about", 500, turn => AboutCommand().IsMatch(turn.Text), AboutAsync);
        routes.AddMessage("declarations/quorum", 500, turn => QuorumCommand().IsMatch(turn.Text), QuorumAsync);
        routes.AddCardAction("declarations/submit", "declarations/", SubmitAsync);
    }

    private async Task<InvokeResponse?> OpenAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var item = OpenCommand().Match(turn.Text).Groups["item"].Value.Trim().Trim('"', '\'', '“', '”', '‘', '’');
        var board = await directory.LinkedBoardAsync(turn, cancellationToken);
        if (board is null)
        {
            return await turn.ReplyMarkdownAsync("This conversation isn't linked to a board yet, so I don't know whose register to use. An admin or the secretariat can say \"link this to <board>\" first.", cancellationToken);
        }

        if (!await permissions.MayRunMeetingsAsync(turn, board, cancellationToken))
        {
            return await turn.ReplyMarkdownAsync("Only the chair, vice-chair or secretariat can open declarations.", cancellationToken);
        }

        var reply = turn.Activity.CreateReply();
        reply.Attachments = [DeclarationCards.Ask(board, item).ToAttachment()];
        await turn.SendActivityAsync(reply, cancellationToken);
        return null;
    }

    private async Task<InvokeResponse?> SubmitAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var data = CardActionData.Of(turn);
        var board = CardActionData.Text(data, "board");
        var item = CardActionData.Text(data, "item");
        if (board is null || item is null)
        {
            return InvokeResponse.Error(400, "BadRequest", "This declaration card is incomplete. Please ask the secretariat for a new one.");
        }

        var interestCode = CardActionData.Text(data, "interest");
        var nature = CardActionData.Text(data, "nature")?.Trim();
        var interest = DeclarationChain.Parse(interestCode);
        var problem = interest switch
        {
            null => "Please choose whether you have an interest.",
            not InterestKind.None when string.IsNullOrWhiteSpace(nature) || nature.Length < MinimumNature => "You said you have an interest: please say what it is.",
            _ when nature?.Length > 1000 => "Please describe the interest in 1,000 characters or fewer.",
            _ => null,
        };
        if (problem is not null)
        {
            return InvokeResponse.Card(DeclarationCards.Ask(board, item, problem, interestCode, nature).ToElement());
        }

        // Once the board's members are recorded, only they may declare (the declarer is the authenticated sender).
        var declarer = BoardPermissions.PersonOf(turn);
        if ((await directory.HoldersAsync(board, BoardRole.Member, cancellationToken)).Count > 0
            && (await directory.RolesOfAsync(board, declarer, cancellationToken)).Count == 0)
        {
            return InvokeResponse.Message($"Only members of the {board} can declare on this item.");
        }

        var from = turn.Activity.From;
        var entry = new DeclarationEntry(board, item, declarer, from?.Name, interest!.Value,
            interest == InterestKind.None ? null : nature, time.GetUtcNow());
        // The receipt goes back only after the register has committed the entry.
        var stored = await register.AppendAsync(entry, cancellationToken);
        return InvokeResponse.Card(DeclarationCards.Receipt(stored).ToElement());
    }

    private async Task<InvokeResponse?> QuorumAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = QuorumCommand().Match(turn.Text);
        var item = match.Groups["item"].Value.Trim().Trim('"', '\'', '“', '”');
        var members = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var board = await directory.LinkedBoardAsync(turn, cancellationToken);
        var model = board is null ? null : (await library.GetAsync(cancellationToken)).Find(board);
        if (board is null || model is null)
        {
            return await turn.ReplyMarkdownAsync("This conversation isn't linked to a board with Terms of Reference, so I don't know which quorum rule applies.", cancellationToken);
        }

        if (model.Quorum is not { } rule)
        {
            return await turn.ReplyMarkdownAsync($"The {board} Terms of Reference don't give a quorum rule I can apply, so I can't say whether the meeting is quorate.", cancellationToken);
        }

        // A member's latest declaration for the item counts; anyone with an interest withdraws.
        var declarations = await register.ListAsync(board, item, cancellationToken);
        var withdrawing = declarations.GroupBy(d => d.Entry.PersonId).Select(g => g.Last()).Where(d => d.Entry.Interest != InterestKind.None).ToList();
        var needed = rule.Needed(members);
        var eligible = members - withdrawing.Count;
        var names = withdrawing.Count == 0 ? string.Empty : $" Withdrawing: {string.Join(", ", withdrawing.Select(d => d.Entry.PersonName ?? d.Entry.PersonId))}.";
        var verdict = eligible >= needed
            ? $"**{members} members, quorum {needed}; {withdrawing.Count} withdrawing leaves {eligible} eligible: quorate.**"
            : $"**Warning: {members} members, quorum {needed}; {withdrawing.Count} withdrawing leaves {eligible} eligible: NOT quorate ({needed - eligible} short).** The decision on \"{item}\" should not be taken.";
        return await turn.ReplyMarkdownAsync($"{verdict}{names}\n\nThe ToR rule: “{rule.Text}”", cancellationToken);
    }

    /// <summary>"declarations" on its own (the manifest's command): how declarations work here, and the ToR's rule.</summary>
    private async Task<InvokeResponse?> AboutAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var board = await directory.LinkedBoardAsync(turn, cancellationToken);
        var model = board is null ? null : (await library.GetAsync(cancellationToken)).Find(board);
        var rule = model?.Facts[TermsOfReference.Model.Topic.ConflictsOfInterest] is { Status: TermsOfReference.Model.FactStatus.Stated } fact
            ? $"\n\nThe {board} Terms of Reference say: “{fact.Text}”"
            : string.Empty;
        return await turn.ReplyMarkdownAsync(
            "Before a financial decision the chair or secretariat says \"open declarations for <item>\" here, and each member answers on the card. "
            + "\"quorum for <item> with <N> members\" then checks the quorum after withdrawals." + rule, cancellationToken);
    }


    [GeneratedRegex(@"^\s*(?:declarations?|declare(?:\s+an?)?\s+interests?)\s*[.!?]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AboutCommand();

    [GeneratedRegex(@"^\s*open\s+declarations?\s+(?:for|on)\s+(?<item>.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OpenCommand();

    [GeneratedRegex(@"^\s*(?:is\s+(?:it|the meeting)\s+)?quor(?:um|ate)\s+(?:check\s+)?(?:for|on)\s+(?<item>.+?)\s+with\s+(?<n>\d{1,3})\s+members\s*\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex QuorumCommand();
}
