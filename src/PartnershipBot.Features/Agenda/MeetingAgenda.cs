using NodaTime;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Agenda;

/// <summary>One numbered line of a meeting's agenda.</summary>
/// <param name="Number">Its number on the agenda.</param>
/// <param name="Title">What it is.</param>
/// <param name="OwnerName">Who brings the paper, if anyone.</param>
/// <param name="Financial">A financial decision: interests are declared before it.</param>
/// <param name="Paper">Where its paper stands.</param>
/// <param name="Standing">A standing item (apologies, declarations, minutes, matters arising, any other business).</param>
/// <param name="PaperIn">True once the paper has come in (on time or late).</param>
/// <param name="LateDecision">The chair's answer on a late paper (where the ToR forbid them): "accepted", "refused", or null.</param>
public sealed record AgendaLine(int Number, string Title, string? OwnerName, bool Financial, PaperState Paper, bool Standing, bool PaperIn = false, string? LateDecision = null);

/// <summary>A meeting's whole agenda: standing items around the business, with the pack's circulation date.</summary>
/// <param name="BoardName">The board.</param>
/// <param name="Meeting">The meeting.</param>
/// <param name="MeetingDate">Its date in the board's time zone.</param>
/// <param name="PackDue">The day the agenda and papers go out: the ToR's papers deadline counted in the board's working days.</param>
/// <param name="PackRule">That rule in words ("5 working days before the meeting").</param>
/// <param name="PackRuleFromTor">False when the ToR sets no papers deadline and the default was used.</param>
/// <param name="Lines">The agenda, numbered.</param>
/// <param name="OpenActions">Actions still open, reported under matters arising.</param>
/// <param name="Standing">The board's standing items around the business, and where they come from.</param>
public sealed record AgendaView(
    string BoardName, MeetingRecord Meeting, LocalDate MeetingDate, LocalDate PackDue, string PackRule, bool PackRuleFromTor, IReadOnlyList<AgendaLine> Lines, IReadOnlyList<ActionItem> OpenActions,
    StandingItems Standing)
{
    /// <summary>The business items that still await a paper (what the pack lists as missing).</summary>
    public IEnumerable<AgendaLine> Missing => Lines.Where(l => l.Paper is PaperState.Awaited or PaperState.Late && !l.PaperIn);
}

/// <summary>
/// Builds a meeting's agenda from what the board has recorded: its business items, the financial decisions added
/// for declarations (one agenda, not two lists), the standing items, and the open actions. The papers deadline comes
/// from the ToR and the board's UK working days, so the ToR drives the pack's date, and so do the standing items:
/// the secretariat's own list, else the one the ToR gives, else <see cref="StandingItems.Default"/>.
/// </summary>
public sealed class MeetingAgenda(
    IAgendaStore agenda, IDeclarationItemStore declarations, IActionLog actions, IStandingItemsStore standingItems, ITorLibrarySource library, BoardWorkingDays workingDays, TimeProvider time,
    Papers.ILatePaperDecisions lateDecisions)
{
    /// <summary>Papers go out this long before a meeting when the ToR says nothing: local government's usual five working days.</summary>
    public static readonly NoticePeriod DefaultPapersNotice = new(5, DurationUnit.WorkingDays, BeforeMeeting: true, "five working days before the meeting");

    /// <summary>The standing items of <paramref name="boardName"/>'s agendas: the secretariat's, else its ToR's, else the default.</summary>
    public async Task<StandingItems> StandingItemsOfAsync(string boardName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        if (await standingItems.FindAsync(boardName, cancellationToken) is { Items.Count: > 0 } set)
        {
            return StandingItems.FromList(set.Items, StandingItemsSource.Secretariat);
        }

        var model = (await library.GetAsync(cancellationToken)).Find(boardName);
        return model is not null && TorStandingItems.Find(model.Document) is { } listed
            ? StandingItems.FromList(listed, StandingItemsSource.TermsOfReference)
            : StandingItems.Default;
    }

    /// <summary>The agenda of <paramref name="meeting"/>.</summary>
    public async Task<AgendaView> ForAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var model = (await library.GetAsync(cancellationToken)).Find(meeting.BoardName);
        var calendar = await workingDays.ForAsync(meeting.BoardName, cancellationToken);
        var meetingDate = Instant.FromDateTimeOffset(meeting.StartsAt).InZone(MeetingTimes.London).Date;
        var period = model?.PapersDeadline ?? DefaultPapersNotice;
        var packDue = new DeadlineRule(DeadlineKind.Papers, period).DeadlineFor(meetingDate, calendar);
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(MeetingTimes.London).Date;

        var business = (await agenda.ForMeetingAsync(meeting.MeetingId, cancellationToken)).Where(i => !i.Withdrawn).ToList();
        var titles = business.Select(i => Key(i.Title)).ToHashSet(StringComparer.Ordinal);
        // Financial decisions added for declarations belong on the same agenda; those not also added as business items follow them.
        var financial = await declarations.ForMeetingAsync(meeting.MeetingId, cancellationToken);
        var financialOnly = financial.Where(d => !titles.Contains(Key(d.Title))).ToList();
        var financialTitles = financial.Select(d => Key(d.Title)).ToHashSet(StringComparer.Ordinal);

        var standing = await StandingItemsOfAsync(meeting.BoardName, cancellationToken);
        var decided = (await lateDecisions.ForMeetingAsync(meeting.MeetingId, cancellationToken)).ToDictionary(d => d.ItemId, d => d.Word, StringComparer.Ordinal);
        var lines = new List<AgendaLine>();
        foreach (var title in standing.Opening)
        {
            lines.Add(new AgendaLine(lines.Count + 1, title, null, false, PaperState.None, Standing: true));
        }

        foreach (var item in business)
        {
            lines.Add(new AgendaLine(lines.Count + 1, item.Title, item.OwnerName, item.Financial || financialTitles.Contains(Key(item.Title)), StateOf(item, packDue, today), Standing: false, PaperIn: item.PaperSubmittedAt is not null, LateDecision: decided.GetValueOrDefault(item.ItemId)));
        }

        foreach (var item in financialOnly)
        {
            lines.Add(new AgendaLine(lines.Count + 1, item.Title, null, true, PaperState.None, Standing: false));
        }

        foreach (var title in standing.Closing)
        {
            lines.Add(new AgendaLine(lines.Count + 1, title, null, false, PaperState.None, Standing: true));
        }

        var open = await actions.ListAsync(meeting.BoardName, openOnly: true, cancellationToken);
        return new AgendaView(meeting.BoardName, meeting, meetingDate, packDue, period.Describe(), model?.PapersDeadline is not null, lines, open, standing);
    }

    /// <summary>Where an item's paper stands against the pack's date (days in the board's time zone).</summary>
    public static PaperState StateOf(AgendaItem item, LocalDate packDue, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.PaperSubmittedAt is { } at)
        {
            return Instant.FromDateTimeOffset(at).InZone(MeetingTimes.London).Date <= packDue ? PaperState.Submitted : PaperState.Late;
        }

        if (item.OwnerName is null)
        {
            return PaperState.None;
        }

        return today > packDue ? PaperState.Late : PaperState.Awaited;
    }

    /// <summary>Titles compare as the item stores compare them: case and spacing aside.</summary>
    public static string Key(string title) => string.Join(' ', (title ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
