using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Boards;

/// <summary>
/// Who the board's members are, from the conversation's roster: "import members" posts a card with a tick-box
/// per person (current members ticked); saving it adds the ticked and removes the unticked, each change audited.
/// "import all members" adds everyone at once, for rosters too long for a card.
/// </summary>
public sealed partial class MemberImportRoutes(
    IBoardRoles boardRoles, IPeopleDirectory personDirectory, IAuditLog auditLog, BoardContextResolver boards, Interests.StandingInterestReminders interests, TimeProvider time)
    : IFeatureRoutes
{
    private static readonly BoardRequest Import = BoardRequest.SetUp("import members", "import its members");

    // Each card stays under Teams' 28 KB (MemberCards.Pages splits by size); past this many cards (some 900 people)
    // ticking one by one stops being a sensible way to say who the members are.
    private const int MaxPickerCards = 5;

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Members**: \"import members\" shows everyone in this conversation on a card to tick the board's members; \"import all members\" adds everyone at once", HelpAudience.SetUp);
        routes.AddMessage("boards/import-members", 500, turn => ImportCommand().IsMatch(turn.Text), ShowCardAsync);
        routes.AddMessage("boards/import-all-members", 500, turn => ImportAllCommand().IsMatch(turn.Text), ImportAllAsync);
        routes.AddCardAction("boards/members", MemberCards.SaveVerb, SaveAsync);
    }

    private async Task<InvokeResponse?> ShowCardAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var (board, roster, reply) = await BoardAndRosterAsync(turn, string.Empty, cancellationToken);
        if (board is null || roster is null)
        {
            return reply;
        }

        var pages = MemberCards.Pages(board, roster).Count;
        if (pages > MaxPickerCards)
        {
            return await turn.ReplyMarkdownAsync($"This conversation has {roster.People.Count} people, too many to tick on cards. Say \"import all members\" to add them all, or import from a smaller chat or channel.", cancellationToken);
        }

        var members = Ticked(roster, await boardRoles.HoldersAsync(board, BoardRole.Member, cancellationToken)).ToList();
        // One message per card: Teams' 28 KB limit is per message, so several cards in one would break it again.
        for (var page = 1; page <= pages; page++)
        {
            await ReplyCardAsync(turn, MemberCards.Pick(board, roster, page, members).ToAttachment(), cancellationToken);
        }

        return null;
    }

    /// <summary>The card's save: every change is checked against the roster as it is now, not as the card remembers it.</summary>
    private async Task<InvokeResponse?> SaveAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var data = action.Data;
        var cardBoard = CardActionData.Text(data, "board");
        var gate = await boards.LinkedAsync(turn, Import, cancellationToken);
        var board = gate.LinkedBoard;
        if (cardBoard is null || CardActionData.Text(data, "roster") is not { } cardRoster)
        {
            return Card(MemberCards.OutOfDate("This card is missing the board it was made for."));
        }

        if (board is null || !string.Equals(board, cardBoard, StringComparison.OrdinalIgnoreCase))
        {
            return Card(MemberCards.OutOfDate(board is null
                ? $"It was made for the {cardBoard}, but this conversation is no longer linked to a board."
                : $"It was made for the {cardBoard}, but this conversation is now linked to the {board}."));
        }

        if (!gate.Allowed)
        {
            return Card(MemberCards.Refusal(board));
        }

        var roster = await ConversationRoster.ReadAsync(turn, cancellationToken);
        if (roster.Failure is not null)
        {
            return InvokeResponse.Message($"I couldn't read this conversation's members ({roster.Failure}), so nothing was changed. Please try again in a minute.");
        }

        // Cards from before paging carry no page: they showed the whole roster, which is page 1 if it still fits one.
        var page = int.TryParse(CardActionData.Text(data, MemberCards.PageField) ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var pages = MemberCards.Pages(board, roster);
        var onPage = page >= 1 && page <= pages.Count ? pages[page - 1] : [];
        var onPageIds = onPage.Select(person => person.PersonId).ToHashSet(StringComparer.Ordinal);
        var ticked = TickedIn(data).ToHashSet(StringComparer.Ordinal);
        if (cardRoster != roster.Fingerprint() || onPage.Count == 0 || !ticked.IsSubsetOf(onPageIds))
        {
            var inRoster = roster.People.Select(person => person.PersonId).ToHashSet(StringComparer.Ordinal);
            return Card(MemberCards.Pick(board, roster, page, ticked.Where(inRoster.Contains),
                "People have joined or left this conversation since this card was made. Here is the list as it is now: please check the ticks and save again."));
        }

        if (ticked.Count == 0)
        {
            var current = await boardRoles.HoldersAsync(board, BoardRole.Member, cancellationToken);
            return Card(MemberCards.Pick(board, roster, page, Ticked(roster, current),
                "Please tick at least one person: saving with nobody ticked would remove every member. To stop using this conversation for the board, say \"unlink\" instead."));
        }

        return Card(await ApplyAsync(turn, board, onPage, ticked, cancellationToken));
    }

    /// <summary>Adds the ticked and removes the unticked among <paramref name="people"/> (the saved card's page); nobody else changes.</summary>
    private async Task<Protocol.Cards.AdaptiveCard> ApplyAsync(ITurnContext turn, string board, IReadOnlyList<PersonRecord> people, HashSet<string> ticked, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var actor = BoardPermissions.PersonOf(turn);
        var before = (await boardRoles.HoldersAsync(board, BoardRole.Member, cancellationToken)).Select(p => p.PersonId).ToHashSet(StringComparer.Ordinal);
        var added = new List<PersonRecord>();
        var removed = new List<PersonRecord>();
        foreach (var person in people)
        {
            await personDirectory.UpsertPersonAsync(person, now, cancellationToken);
            // Each change is audited by the directory itself (role.assign / role.remove).
            if (ticked.Contains(person.PersonId) && !before.Contains(person.PersonId))
            {
                await boardRoles.AssignRoleAsync(board, person.PersonId, BoardRole.Member, actor, now, cancellationToken);
                await interests.QueueOnJoiningAsync(board, person.PersonId, cancellationToken);
                added.Add(person);
            }
            else if (!ticked.Contains(person.PersonId) && before.Contains(person.PersonId)
                && await boardRoles.RemoveRoleAsync(board, person.PersonId, BoardRole.Member, actor, now, cancellationToken))
            {
                removed.Add(person);
            }
        }

        var members = await boardRoles.HoldersAsync(board, BoardRole.Member, cancellationToken);
        await auditLog.RecordAsync(actor, now, AuditAction.BoardMembers, board,
            $"from card in {turn.Activity.Conversation?.Id}: {added.Count} added, {removed.Count} removed, {members.Count} members", cancellationToken);
        return MemberCards.Saved(board, added, removed, members);
    }

    /// <summary>
    /// The linked board and its conversation's roster when the sender may set the board up; otherwise the reply
    /// already sent (not linked, refused, or the roster couldn't be read, <paramref name="consequence"/> saying what that means).
    /// </summary>
    private async Task<(string? Board, RosterResult? Roster, InvokeResponse? Reply)> BoardAndRosterAsync(ITurnContext turn, string consequence, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Import, cancellationToken);
        if (!gate.Allowed)
        {
            // Refused with the card that says who may import (it names the board), not a line of text.
            return (null, null, gate.Denial == BoardDenial.Refused && gate.LinkedBoard is { } linked
                ? await ReplyCardAsync(turn, MemberCards.Refusal(linked).ToAttachment(), cancellationToken)
                : await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken));
        }

        var board = gate.Board.Name;
        var roster = await ConversationRoster.ReadAsync(turn, cancellationToken);
        return roster.Failure is null
            ? (board, roster, null)
            : (null, null, await turn.ReplyMarkdownAsync($"I couldn't read this conversation's members ({roster.Failure}){consequence}. Please try again in a minute.", cancellationToken));
    }

    /// <summary>The old one-step import: everyone in the roster becomes a member (nobody is removed).</summary>
    private async Task<InvokeResponse?> ImportAllAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var (board, roster, reply) = await BoardAndRosterAsync(turn, ", so nobody was imported", cancellationToken);
        if (board is null || roster is null)
        {
            return reply;
        }

        var now = time.GetUtcNow();
        var actor = BoardPermissions.PersonOf(turn);
        foreach (var person in roster.People)
        {
            await personDirectory.UpsertPersonAsync(person, now, cancellationToken);
            await boardRoles.AssignRoleAsync(board, person.PersonId, BoardRole.Member, actor, now, cancellationToken);
            await interests.QueueOnJoiningAsync(board, person.PersonId, cancellationToken);
        }

        var guests = roster.People.Count(p => p.IsGuest);
        var guestNote = guests > 0 ? $" {guests} of them are guests or external users." : string.Empty;
        return await turn.ReplyMarkdownAsync($"Imported {roster.People.Count} members of the **{board}**: {string.Join(", ", roster.People.Select(p => p.Name ?? p.PersonId))}.{guestNote}", cancellationToken);
    }

    private static IEnumerable<string> Ticked(RosterResult roster, IReadOnlyList<PersonRecord> members)
    {
        var memberIds = members.Select(m => m.PersonId).ToHashSet(StringComparer.Ordinal);
        return roster.People.Where(p => memberIds.Contains(p.PersonId)).Select(p => p.PersonId);
    }

    /// <summary>The ticked ids: Teams sends a multi-select as one comma-separated string.</summary>
    private static string[] TickedIn(JsonElement data) =>
        (CardActionData.Text(data, MemberCards.MembersInput) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static InvokeResponse Card(Protocol.Cards.AdaptiveCard card) => InvokeResponse.Card(card.ToElement());

    private static async Task<InvokeResponse?> ReplyCardAsync(ITurnContext turn, Attachment card, CancellationToken cancellationToken)
    {
        var reply = turn.Activity.CreateReply();
        reply.Attachments = [card];
        await turn.SendActivityAsync(reply, cancellationToken);
        return null;
    }

    [GeneratedRegex(@"^\s*import\s+(?:the\s+)?(?:board\s+)?members(?:\s+from\s+(?:this|here)(?:\s+\w+)?)?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ImportCommand();

    [GeneratedRegex(@"^\s*import\s+(?:all|every)\s+(?:the\s+)?(?:board\s+)?members(?:\s+from\s+(?:this|here)(?:\s+\w+)?)?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ImportAllCommand();
}
