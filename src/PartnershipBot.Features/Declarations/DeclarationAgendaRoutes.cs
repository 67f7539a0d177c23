using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
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
    IDeclarationItemStore items,
    IMeetingStore meetings,
    DeclarationMembers members,
    DeclarationScheduler scheduler,
    BoardPermissions permissions,
    BoardWorkingDays workingDays,
    TimeProvider time) : IFeatureRoutes
{
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Financial decisions** (chair and secretariat): \"add '<item>' as a financial decision to the 12 March meeting\" sends members a declaration card before that meeting");
        routes.AddMessage("declarations/add-item", 500, turn => AddCommand().IsMatch(turn.Text), AddAsync);
    }

    private async Task<InvokeResponse?> AddAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = AddCommand().Match(turn.Text);
        var title = match.Groups["item"].Value.Trim();
        var board = await permissions.LinkedBoardAsync(turn, cancellationToken);
        if (board is null)
        {
            return await turn.ReplyMarkdownAsync("This conversation isn't linked to a board yet, so I don't know whose meeting you mean. An admin or the secretariat can say \"link this to <board>\" first.", cancellationToken);
        }

        if (!await permissions.MayRunMeetingsAsync(turn, board, cancellationToken))
        {
            return await turn.ReplyMarkdownAsync("Only the chair, vice-chair or secretariat can add financial decisions to the agenda.", cancellationToken);
        }

        var now = time.GetUtcNow();
        var meeting = await FindMeetingAsync(board, match, now, cancellationToken);
        if (meeting is null)
        {
            return await turn.ReplyMarkdownAsync($"I can't find a meeting of the {board} on {match.Groups["date"].Value.Trim()}. \"when is the next meeting?\" shows what is scheduled; the chair or secretariat can say \"schedule the next 4 meetings\".", cancellationToken);
        }

        var (item, added) = await items.AddAsync(new DeclarationItem(Guid.NewGuid().ToString("N"), board, meeting.MeetingId, meeting.StartsAt, title, BoardPermissions.PersonOf(turn), now), cancellationToken);
        var people = await members.OfBoardAsync(board, cancellationToken);
        var meetingDate = MeetingTimes.LongDate.Format(Instant.FromDateTimeOffset(meeting.StartsAt).InZone(MeetingTimes.London).Date);
        DateTimeOffset due;
        try
        {
            var calendar = await workingDays.ForAsync(board, cancellationToken);
            due = scheduler.DueFor(item, calendar);
            // Queuing again is harmless (one key per item and member) and reaches members added since.
            await scheduler.QueueAheadOfMeetingAsync(item, people, calendar, cancellationToken);
        }
        catch (OutsideHolidayDataException ex)
        {
            return await turn.ReplyMarkdownAsync($"“{MarkdownText.Escape(item.Title)}” is on the {meetingDate} meeting, but I can't schedule its declaration cards: {ex.Message}", cancellationToken);
        }

        var when = Instant.FromDateTimeOffset(due).InZone(MeetingTimes.London);
        var sending = people.Count == 0
            ? "No members of this board are recorded, so no cards are queued: the secretariat can say \"import members\", then add the item again."
            : $"Declaration cards go to {people.Count} members in their chats with me on {MeetingTimes.LongDate.Format(when.Date)} at {when.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)} (UK time).";
        var opening = added
            ? $"Added “{MarkdownText.Escape(item.Title)}” to the {meetingDate} meeting of the **{board}** as a financial decision."
            : $"“{MarkdownText.Escape(item.Title)}” is already a financial decision on the {meetingDate} meeting of the **{board}**.";
        return await turn.ReplyMarkdownAsync($"{opening} {sending} \"open declarations for {item.Title}\" sends them again when the item comes up.", cancellationToken);
    }

    /// <summary>The board's meeting on the date asked for: the next one on that day and month, or that exact date when a year is given.</summary>
    private async Task<MeetingRecord?> FindMeetingAsync(string board, Match match, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var monthText = match.Groups["month"].Value;
        var month = Array.FindIndex(Months, m => m.Length > 0 && m.StartsWith(monthText[..Math.Min(3, monthText.Length)], StringComparison.OrdinalIgnoreCase)) + 1;
        int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        var upcoming = await meetings.UpcomingAsync(board, now.AddDays(-1), 200, cancellationToken);
        return upcoming.FirstOrDefault(m => Instant.FromDateTimeOffset(m.StartsAt).InZone(MeetingTimes.London).Date is var date
            && date.Day == day && date.Month == month && (year is null || date.Year == year));
    }

    [GeneratedRegex(@"^\s*(?:please\s+)?add\s+[""'“‘]?(?<item>.+?)[""'”’]?\s+as\s+an?\s+financial\s+decision\s+(?:to|for|on)\s+(?:the\s+)?(?<date>(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s+(?<year>\d{4}))?)\s+meeting\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AddCommand();
}
