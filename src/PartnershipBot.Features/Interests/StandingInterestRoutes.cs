using System.Text.RegularExpressions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Interests;

/// <summary>
/// "my interests" / "update my interests" (in the board's conversation, or in a personal chat, where the board is
/// the one the member holds a role on, or "my interests for BOARD") sends the member their standing declaration card;
/// "record interests for NAME" lets the secretariat fill one in for a member (each save audited as theirs).
/// </summary>
public sealed partial class StandingInterestRoutes(
    IStandingInterestRegister register,
    IBoardRoles roles,
    BoardPermissions permissions,
    BoardContextResolver boards) : IFeatureRoutes
{
    private static readonly BoardRequest Holder = new(BoardDuty.AnswerReminders, NeedsTerms: false,
        BoardRefusals.NotLinked("whose register of interests you mean"), "Only people who hold a role on this board keep a standing declaration here.");

    private static readonly BoardRequest Secretariat = BoardRequest.SetUp("record someone else's standing interests", "say \"record interests for <name>\"");

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Standing interests**: \"my interests\" shows and updates your standing declaration (employment, directorships, other boards, grants)", HelpAudience.Everyone);
        routes.AddMessage("interests/mine", 500, turn => MineCommand().IsMatch(turn.Text), MineAsync);
        routes.AddMessage("interests/record-for", 500, turn => RecordForCommand().IsMatch(turn.Text), RecordForAsync);
    }

    private async Task<InvokeResponse?> MineAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var named = MineCommand().Match(turn.Text).Groups["board"] is { Success: true } group ? group.Value.Trim() : null;
        var gate = named is null ? await boards.LinkedAsync(turn, Holder, cancellationToken) : null;
        if (gate?.Denial == BoardDenial.NotLinked || named is not null)
        {
            // Not a board's conversation (or a board named): the boards the member holds a role on, in their own tenant.
            var held = await permissions.BoardsHeldAsync(BoardPermissions.EntraIdOf(turn), turn.Activity.GetTenantId(), cancellationToken);
            IReadOnlyList<HeldBoard> candidates = held;
            if (named is not null)
            {
                var match = BoardNames.Resolve(named, held.Select(b => (b.BoardName, Enumerable.Empty<string>())));
                candidates = [.. held.Where(b => match.Board == b.BoardName || match.Candidates.Contains(b.BoardName))];
            }

            if (candidates.Count != 1)
            {
                return await turn.ReplyMarkdownAsync(candidates.Count == 0
                    ? named is null
                        ? "You don't hold a role on any board I know, so there is no register of interests for you here. Ask your board's secretariat to add you."
                        : $"You don't hold a role on a board called “{named}”."
                    : $"You are on several boards: say \"my interests for <board>\", one of: {string.Join("; ", candidates.Select(b => b.BoardName))}.", cancellationToken);
            }

            gate = await boards.NamedAsync(turn, candidates[0].BoardName, Holder, cancellationToken);
        }

        if (!gate!.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var person = gate.Board.Access.PersonId!;
        var latest = await register.LatestAsync(gate.Board.Name, person, cancellationToken);
        return await SendCardAsync(turn, StandingInterestCards.Form(gate.Board.Name, person, forName: null, latest), cancellationToken);
    }

    private async Task<InvokeResponse?> RecordForAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var name = RecordForCommand().Match(turn.Text).Groups["name"].Value.Replace("<at>", string.Empty, StringComparison.Ordinal).Replace("</at>", string.Empty, StringComparison.Ordinal).Trim();
        var gate = await boards.LinkedAsync(turn, Secretariat, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var people = new Dictionary<string, PersonRecord>(StringComparer.Ordinal);
        foreach (var role in Enum.GetValues<BoardRole>())
        {
            foreach (var holder in await roles.HoldersAsync(board, role, cancellationToken))
            {
                people.TryAdd(holder.PersonId, holder);
            }
        }

        var matches = people.Values.Where(p => string.Equals(p.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            return await turn.ReplyMarkdownAsync(matches.Count == 0
                ? $"Nobody called “{name}” holds a role on the {board}. \"who is on the board?\" lists them; \"import members\" adds them."
                : $"More than one person on the {board} is called “{name}”, so I can't tell whose declaration to record. Ask them to say \"my interests\" themselves.", cancellationToken);
        }

        var person = matches[0];
        var latest = await register.LatestAsync(board, person.PersonId, cancellationToken);
        return await SendCardAsync(turn, StandingInterestCards.Form(board, person.PersonId, person.Name ?? name, latest), cancellationToken);
    }

    private static async Task<InvokeResponse?> SendCardAsync(ITurnContext turn, Protocol.Cards.AdaptiveCard card, CancellationToken cancellationToken)
    {
        var reply = turn.Activity.CreateReply();
        reply.Attachments = [card.ToAttachment()];
        await turn.SendActivityAsync(reply, cancellationToken);
        return null;
    }

    [GeneratedRegex(@"^\s*(?:show\s+|update\s+|edit\s+|change\s+)?my\s+(?:standing\s+)?(?:register\s+of\s+)?interests(?:\s+(?:for|on)\s+(?:the\s+)?(?<board>[^?!.]+?))?\s*[.!?]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MineCommand();

    [GeneratedRegex(@"^\s*record\s+(?:standing\s+)?interests\s+for\s+@?(?<name>.+?)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RecordForCommand();
}
