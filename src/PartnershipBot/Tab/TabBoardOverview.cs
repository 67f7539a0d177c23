using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Tab;

/// <summary>
/// Assembles a board's overview for the tab from what chat already reads: the role holders (as "who is on the
/// board?"), the bot's own record of the coming meetings, each meeting's ToR deadlines, its agenda
/// (<see cref="MeetingAgenda"/>, the same one "what's on the agenda?" and the pack show) and its apologies. Who may
/// see what is decided by the caller's <see cref="BoardAccess"/>, never here.
/// </summary>
public sealed class TabBoardOverview(
    IBoardRoles boardRoles, IMeetingStore meetings, IMeetingApologies apologies, MeetingAgenda agendas, BoardWorkingDays workingDays, TimeProvider time)
{
    /// <summary>How many coming meetings the page shows: about a year of a typical board's cycle, one page to read.</summary>
    public const int MeetingsShown = 6;

    // The order a board's people are listed in: who chairs first, as an agenda or a ToR lists them.
    private static readonly BoardRole[] RoleOrder = [BoardRole.Chair, BoardRole.ViceChair, BoardRole.Secretariat, BoardRole.Member];
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The overview of <paramref name="board"/> as <paramref name="access"/> may see it.</summary>
    public async Task<TabBoardOverviewView> ForAsync(TermsOfReferenceModel board, BoardAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(access);
        var name = board.Identity.Name;
        var members = await MembersAsync(name, access.SeesBoardDetails, cancellationToken);
        var coming = access.SeesBoardDetails ? await MeetingsAsync(board, cancellationToken) : [];
        return new TabBoardOverviewView(
            name, [.. access.Roles.Select(TabEndpoints.RoleName)], access.SeesBoardDetails, access.MayRunMeetings, members, coming);
    }

    private async Task<List<TabMember>> MembersAsync(string board, bool withNames, CancellationToken cancellationToken)
    {
        // One person may hold several roles (chair and secretariat): one row each, roles in RoleOrder.
        var people = new Dictionary<string, (string? Name, List<string> Roles)>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in RoleOrder)
        {
            foreach (var holder in await boardRoles.HoldersAsync(board, role, cancellationToken))
            {
                if (!people.TryGetValue(holder.PersonId, out var person))
                {
                    person = (holder.Name, []);
                    people.Add(holder.PersonId, person);
                }

                person.Roles.Add(TabEndpoints.RoleName(role));
            }
        }

        return [.. people.Values.Select(p => new TabMember(withNames ? p.Name : null, p.Roles))];
    }

    private async Task<List<TabMeeting>> MeetingsAsync(TermsOfReferenceModel board, CancellationToken cancellationToken)
    {
        var calendar = await workingDays.ForAsync(board.Identity.Name, cancellationToken);
        var upcoming = await meetings.UpcomingAsync(board.Identity.Name, time.GetUtcNow(), MeetingsShown, cancellationToken);
        var shown = new List<TabMeeting>(upcoming.Count);
        var voting = await VotingMembers.OfAsync(boardRoles, board.Identity.Name, cancellationToken);
        foreach (var meeting in upcoming)
        {
            shown.Add(await MeetingAsync(board, meeting, calendar, voting, cancellationToken));
        }

        return shown;
    }

    private async Task<TabMeeting> MeetingAsync(TermsOfReferenceModel board, MeetingRecord meeting, UkWorkingDays calendar, IReadOnlySet<string> voting, CancellationToken cancellationToken)
    {
        var start = Instant.FromDateTimeOffset(meeting.StartsAt).InZone(MeetingTimes.London);
        var end = Instant.FromDateTimeOffset(meeting.EndsAt).InZone(MeetingTimes.London);
        AgendaView? agenda;
        IReadOnlyList<MeetingDeadline> fromTor;
        try
        {
            agenda = await agendas.ForAsync(meeting, cancellationToken);
            fromTor = MeetingReminders.DeadlinesFor(board, start.Date, calendar);
        }
        catch (OutsideHolidayDataException)
        {
            // A meeting beyond the bank-holiday data has no countable deadlines yet; still list it, as chat does.
            agenda = null;
            fromTor = [];
        }

        var deadlines = fromTor.Select(d => new TabDeadline(KindName(d.Kind), LocalDatePattern.Iso.Format(d.Date), d.Rule, FromTor: true)).ToList();
        if (agenda is not null && !agenda.PackRuleFromTor)
        {
            // The ToR sets no papers deadline: the pack still goes out, on the default the agenda counts from.
            deadlines.Insert(0, new TabDeadline(KindName(DeadlineKind.Papers), LocalDatePattern.Iso.Format(agenda.PackDue), agenda.PackRule, FromTor: false));
        }

        var received = await apologies.ForMeetingAsync(meeting.MeetingId, cancellationToken);
        var forecast = QuorumForecast.For(board, voting, received) is { } q
            ? new TabQuorumForecast(q.Members, q.Needed, q.Withdrawing, q.Eligible, q.Quorate, q.Rule)
            : null;
        return new TabMeeting(
            LocalDatePattern.Iso.Format(start.Date),
            Clock.Format(start.TimeOfDay),
            Clock.Format(end.TimeOfDay),
            meeting.Venue,
            deadlines,
            agenda?.Lines.Select(l => new TabAgendaItem(l.Number, l.Title, l.OwnerName, l.Financial, AgendaText.Word(l.Paper), l.Standing)).ToList(),
            [.. received.Select(a => new TabApology(a.PersonName))],
            forecast);
    }

    private static string KindName(DeadlineKind kind) => kind.ToString().ToLowerInvariant();
}
