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
public sealed partial class ActionRoutes(IActionLog log, BoardContextResolver boards, TimeProvider time) : IFeatureRoutes
{
    private const string WhoseActions = "whose actions you mean";
    private static readonly BoardRequest Record = BoardRequest.RunMeetings("record actions", WhoseActions);
    // Listing, and updating (the owner may, checked per action): the link is enough.
    private static readonly BoardRequest Read = BoardRequest.Anyone(WhoseActions);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Actions**: \"open actions\", \"action 3 done\", \"update action 3: <progress>\"");
        routes.AddHelp("**New actions**: \"action for @name: <what> by 15 January\"", HelpAudience.MeetingRunners);
        routes.AddMessage("actions/add", 485, turn => AddCommand().IsMatch(turn.Text), AddAsync);
        routes.AddMessage("actions/list", 486, turn => ListCommand().IsMatch(turn.Text), ListAsync);
        routes.AddMessage("actions/update", 487, turn => UpdateCommand().IsMatch(turn.Text), UpdateAsync);
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
        var ownerId = match.Groups["mentioned"].Success ? await MentionedPeople.EntraIdOfAsync(turn, ownerName, cancellationToken) : null;
        LocalDate? due = match.Groups["day"].Success ? DueDate(match, Instant.FromDateTimeOffset(now).InZone(MeetingTimes.London).Date) : null;
        var action = await log.AddAsync(access.BoardName, match.Groups["text"].Value.Trim(), ownerName, ownerId, due, BoardPermissions.PersonOf(turn), now, cancellationToken);
        return await turn.ReplyMarkdownAsync($"Recorded for the **{access.BoardName}**:\n{AgendaText.ActionLine(action)}\nIt appears under matters arising on the next agenda until it is done.", cancellationToken);
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
        return await turn.ReplyMarkdownAsync($"{(done ? "Marked done" : "Updated")}:\n{AgendaText.ActionLine(updated!)}", cancellationToken);
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
