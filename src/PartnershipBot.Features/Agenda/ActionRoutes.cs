using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Agenda;

/// <summary>
/// The action log in the board's conversation: "action for @Jane Smith: circulate the revised strategy by 15 January"
/// (chair, vice-chair, secretariat) records it; "actions" or "open actions" lists them for the board's people; the
/// owner or the secretariat says "action 3 done" or "update action 3: draft with the police".
/// </summary>
public sealed partial class ActionRoutes(IActionLog log, ActionReminders reminders, IPeopleDirectory people, BoardContextResolver boards, TimeProvider time) : IFeatureRoutes
{
    private const string WhoseActions = "whose actions you mean";
    private static readonly BoardRequest Record = BoardRequest.RunMeetings("record actions", WhoseActions);
    // Listing, and updating (the owner may, checked per action): the link is enough.
    private static readonly BoardRequest Read = BoardRequest.Anyone(WhoseActions);

    // A press names no board in its refusal: the card may have reached someone outside it.
    private const string PressRefusal = "Only the action's owner or the secretariat can mark it done or update it. Nothing was changed.";
    private static readonly BoardRequest Press = new(BoardDuty.Anyone, NeedsTerms: false, PressRefusal, PressRefusal);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Actions**: \"open actions\", \"action 3 done\", \"update action 3: <progress>\"");
        routes.AddHelp("**New actions**: \"action for @name: <what> by 15 January\"", HelpAudience.MeetingRunners);
        routes.AddMessage("actions/add", 485, turn => AddCommand().IsMatch(turn.Text), AddAsync);
        routes.AddMessage("actions/list", 486, turn => ListCommand().IsMatch(turn.Text), ListAsync);
        routes.AddMessage("actions/update", 487, turn => UpdateCommand().IsMatch(turn.Text), UpdateAsync);
        routes.AddCardAction("actions/card", "actions/", PressAsync);
    }

    private async Task<InvokeResponse?> AddAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = AddCommand().Match(turn.Text);
        var gate = await boards.LinkedAsync(turn, Record, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var access = gate.Board.Access;
        var now = time.GetUtcNow();
        var ownerName = (match.Groups["mentioned"].Success ? match.Groups["mentioned"] : match.Groups["owner"]).Value.Trim();
        var owner = match.Groups["mentioned"].Success ? await MentionedPeople.PersonOfAsync(turn, ownerName, cancellationToken) : null;
        var ownerId = owner?.PersonId;
        LocalDate? due = match.Groups["day"].Success ? DueDate(match, Instant.FromDateTimeOffset(now).InZone(MeetingTimes.London).Date) : null;
        if (owner is not null && due is not null)
        {
            await RememberOwnerAsync(owner, now, cancellationToken);
        }

        var action = await log.AddAsync(access.BoardName, match.Groups["text"].Value.Trim(), ownerName, ownerId, due, BoardPermissions.PersonOf(turn), now, cancellationToken);
        var reminded = await reminders.QueueAsync(action, cancellationToken)
            ? $" {MarkdownText.Escape(ownerName)} will be reminded before it is due."
            : string.Empty;
        return await turn.ReplyMarkdownAsync($"Recorded for the **{access.BoardName}**:\n{AgendaText.ActionLine(action)}\nIt appears under matters arising on the next agenda until it is done.{reminded}", cancellationToken);
    }

    private async Task<InvokeResponse?> ListAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Read, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var access = gate.Board.Access;

        if (!access.SeesBoardDetails)
        {
            return await turn.ReplyMarkdownAsync($"The actions of the {access.BoardName} are for its members and secretariat.", cancellationToken);
        }

        var openOnly = !ListCommand().Match(turn.Text).Groups["all"].Success;
        var actions = await log.ListAsync(access.BoardName, openOnly, cancellationToken);
        return await turn.ReplyMarkdownAsync(actions.Count == 0
            ? $"The {access.BoardName} has no {(openOnly ? "open " : string.Empty)}actions."
            : $"{(openOnly ? "Open actions" : "Actions")} of the **{access.BoardName}**:\n{string.Join("\n", actions.Select(AgendaText.ActionLine))}", cancellationToken);
    }

    private async Task<InvokeResponse?> UpdateAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = UpdateCommand().Match(turn.Text);
        var gate = await boards.LinkedAsync(turn, Read, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var access = gate.Board.Access;

        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        var action = (await log.ListAsync(access.BoardName, openOnly: false, cancellationToken)).FirstOrDefault(a => a.Number == number);
        if (action is null)
        {
            return await turn.ReplyMarkdownAsync($"The {access.BoardName} has no action {number}. \"open actions\" lists them.", cancellationToken);
        }

        // The owner reports their own action; the chair and secretariat keep the log.
        var isOwner = action.OwnerId is not null && string.Equals(action.OwnerId, access.PersonId, StringComparison.OrdinalIgnoreCase);
        if (!isOwner && !access.MayRunMeetings)
        {
            return await turn.ReplyMarkdownAsync($"Only {MarkdownText.Escape(action.OwnerName)} or the secretariat can update action {number}.", cancellationToken);
        }

        var done = match.Groups["done"].Success;
        var updated = await log.UpdateAsync(access.BoardName, number, done, match.Groups["update"].Success ? match.Groups["update"].Value.Trim() : null, time.GetUtcNow(), cancellationToken);
        await reminders.CancelAsync(access.BoardName, number, cancellationToken);
        return await turn.ReplyMarkdownAsync($"{(done ? "Marked done" : "Updated")}:\n{AgendaText.ActionLine(updated!)}", cancellationToken);
    }

    /// <summary>"Mark done" and "Give an update" on the owner's reminder: the presser is checked now, and the same press twice changes it once.</summary>
    private async Task<InvokeResponse?> PressAsync(ITurnContext turn, CardAction press, CancellationToken cancellationToken)
    {
        var board = press.Text("board");
        var number = int.TryParse(press.Text("number"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var action = board is null ? null : (await log.ListAsync(board, openOnly: false, cancellationToken)).FirstOrDefault(a => a.Number == number);
        if (action is null)
        {
            return InvokeResponse.Card(ActionCards.Unavailable().ToElement());
        }

        var gate = await boards.NamedAsync(turn, action.BoardName, Press, cancellationToken);
        var presser = BoardPermissions.EntraIdOf(turn);
        var isOwner = presser is not null && action.OwnerId is not null && string.Equals(action.OwnerId, presser, StringComparison.OrdinalIgnoreCase);
        if (!gate.Allowed || !(isOwner || gate.Board.Access.MayRunMeetings))
        {
            return InvokeResponse.Message(PressRefusal);
        }

        string note;
        var update = press.Text(ActionCards.UpdateInput)?.Trim();
        switch (press.Verb)
        {
            case ActionCards.DoneVerb when action.Done:
                note = "Already marked done.";
                break;
            case ActionCards.DoneVerb:
                action = await log.UpdateAsync(action.BoardName, number, done: true, update: null, time.GetUtcNow(), cancellationToken) ?? action;
                note = "Marked done. No more reminders will be sent.";
                break;
            case ActionCards.UpdateVerb when update is not { Length: > 0 }:
                return InvokeResponse.Card(ActionCards.Reminder(action, "Type where it stands first, then press \"Give an update\". Nothing was changed.").ToElement());
            case ActionCards.UpdateVerb when string.Equals(update, action.LastUpdate, StringComparison.Ordinal):
                note = "That update is already recorded.";
                break;
            case ActionCards.UpdateVerb:
                action = await log.UpdateAsync(action.BoardName, number, done: false, update!, time.GetUtcNow(), cancellationToken) ?? action;
                note = "Update recorded. No more reminders will be sent for this action.";
                break;
            default:
                return InvokeResponse.Error(400, "UnknownAction", "This card is out of date. Say \"open actions\" in the board's conversation.");
        }

        await reminders.CancelAsync(action.BoardName, number, cancellationToken);
        return InvokeResponse.Card(ActionCards.Reminder(action, note).ToElement());
    }

    /// <summary>
    /// Keeps the owner's Teams id: their reminder goes to a 1:1 chat, which the dispatcher can only open for someone
    /// whose Teams id it knows (an owner who has never spoken to the bot would otherwise be unreachable). What was
    /// already known (an imported email) is kept when the roster leaves it out.
    /// </summary>
    private async Task RememberOwnerAsync(PersonRecord owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = await people.FindPersonAsync(owner.PersonId, cancellationToken);
        await people.UpsertPersonAsync(owner with { Email = owner.Email ?? known?.Email, Name = owner.Name ?? known?.Name }, now, cancellationToken);
    }

    /// <summary>The due date: the next such day from today, or that exact date when a year is given.</summary>
    private static LocalDate? DueDate(Match match, LocalDate today)
    {
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var month = MeetingOnDate.MonthNumber(match.Groups["month"].Value);
        var year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (month == 0 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return null;
        }

        var date = new LocalDate(year, month, day);
        return !match.Groups["year"].Success && date < today ? date.PlusYears(1) : date;
    }

    [GeneratedRegex(@"^\s*(?:new\s+)?action\s+(?:for|on)\s+(?:<at>(?<mentioned>[^<]{1,100})</at>|@?(?<owner>[A-Za-z][A-Za-z'.\- ]{0,80}?))\s*[:,–-]\s*(?<text>.+?)(?:\s+by\s+(?:the\s+)?" + MeetingOnDate.DatePattern + @")?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AddCommand();

    [GeneratedRegex(@"^\s*(?:(?:what|which)\s+(?:are\s+)?(?:the\s+)?)?(?:(?<open>open|outstanding)\s+|(?<all>all)\s+(?:the\s+)?)?actions(?:\s+(?:are\s+)?(?:open|outstanding))?(?:\s+log)?\s*[?.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ListCommand();

    [GeneratedRegex(@"^\s*(?:(?:mark\s+)?action\s+(?<number>\d{1,5})\s+(?:as\s+)?(?<done>done|complete|completed|closed)|update\s+(?:on\s+)?action\s+(?<number>\d{1,5})\s*[:,–-]\s*(?<update>.+?))\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex UpdateCommand();
}
