using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Protocol.Hosting;

namespace PartnershipBot.Features.Agenda.Papers;

/// <summary>An agenda item of a coming meeting, as someone sending a paper in a personal chat sees it.</summary>
/// <param name="Item">The item.</param>
/// <param name="Meeting">Its meeting.</param>
/// <param name="Number">Its number on that meeting's agenda (standing items counted).</param>
/// <param name="Access">The sender's access to the item's board, resolved through <see cref="BoardContextResolver"/>.</param>
public sealed record PaperCandidate(AgendaItem Item, MeetingRecord Meeting, int Number, BoardAccess Access)
{
    /// <summary>True when the sender is the item's owner (matched by Entra object id).</summary>
    public bool SenderOwns => Item.OwnerId is not null && string.Equals(Item.OwnerId, Access.PersonId, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the sender may send this item's paper: its owner, or someone who runs the board's meetings.</summary>
    public bool SenderMaySubmit => SenderOwns || Access.MayRunMeetings;
}

/// <summary>What a "paper for …" names.</summary>
public abstract record PaperMatch
{
    /// <summary>One item the sender may send the paper for.</summary>
    public sealed record Found(PaperCandidate Candidate) : PaperMatch;

    /// <summary>Several items fit: the sender must say which.</summary>
    public sealed record Ambiguous(IReadOnlyList<PaperCandidate> Candidates) : PaperMatch;

    /// <summary>The item exists but the sender neither owns it nor runs the board's meetings.</summary>
    public sealed record NotTheirs(PaperCandidate Candidate) : PaperMatch;

    /// <summary>Nothing fits; <paramref name="Owned"/> are the items the sender does bring papers for.</summary>
    public sealed record NoSuchItem(IReadOnlyList<PaperCandidate> Owned) : PaperMatch;
}

/// <summary>
/// Finds the item a paper sent in a personal chat is for, among the coming meetings of every board the turn's tenant
/// may use (each board checked through <see cref="BoardContextResolver"/>, so another tenant's items are never seen).
/// "item 4" is the number on the agenda; a title matches loosely: case, punctuation and little words aside, the
/// words given all appear in the item's title. The sender's own items (or, for the secretariat, the board's) come
/// first; only when none fits is a match on someone else's item reported, to refuse it clearly.
/// </summary>
public sealed class PaperItemFinder(
    ITorLibrarySource library, BoardContextResolver boards, IMeetingStore meetings, IAgendaStore agenda, MeetingAgenda agendas, TimeProvider time)
{
    /// <summary>How many coming meetings of each board are searched: papers are sent for the next one or two.</summary>
    public const int MeetingsPerBoard = 3;

    private static readonly BoardRequest AnyoneOfTheTenant = BoardRequest.Anyone();
    private static readonly HashSet<string> LittleWords = new(StringComparer.Ordinal) { "the", "a", "an", "of", "and", "for", "on", "to", "in", "&" };

    /// <summary>The item <paramref name="title"/> or <paramref name="number"/> names for the turn's sender.</summary>
    public async Task<PaperMatch> FindAsync(ITurnContext turn, string? title, int? number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var candidates = await CandidatesAsync(turn, cancellationToken);
        var fits = candidates.Where(c => number is { } n ? c.Number == n : Fits(title ?? string.Empty, c.Item.Title)).ToList();
        var theirs = fits.Where(c => c.SenderMaySubmit).ToList();
        if (theirs.Count > 1)
        {
            // "paper for Hate crime" fits "Hate crime update" and "Hate crime action plan"; a title given exactly wins.
            var exact = theirs.Where(c => number is null && Words(c.Item.Title) == Words(title ?? string.Empty)).ToList();
            theirs = exact.Count == 1 ? exact : theirs;
        }

        return theirs.Count switch
        {
            1 => new PaperMatch.Found(theirs[0]),
            > 1 => new PaperMatch.Ambiguous(theirs),
            _ when fits.Count > 0 => new PaperMatch.NotTheirs(fits[0]),
            _ => new PaperMatch.NoSuchItem([.. candidates.Where(c => c.SenderOwns)]),
        };
    }

    /// <summary>True when every word of <paramref name="given"/> (little words aside) is a word of <paramref name="title"/>.</summary>
    public static bool Fits(string given, string title)
    {
        var wanted = Words(given).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LittleWords.Contains(w)).ToList();
        var have = Words(title).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return wanted.Count > 0 && wanted.All(have.Contains);
    }

    private async Task<List<PaperCandidate>> CandidatesAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var found = new List<PaperCandidate>();
        var from = time.GetUtcNow().AddHours(-12);
        foreach (var board in (await library.GetAsync(cancellationToken)).Boards.Select(b => b.Identity.Name))
        {
            var gate = await boards.NamedAsync(turn, board, AnyoneOfTheTenant, cancellationToken);
            if (!gate.Allowed || gate.Board.Access.PersonId is null)
            {
                continue;
            }

            foreach (var meeting in await meetings.UpcomingAsync(board, from, MeetingsPerBoard, cancellationToken))
            {
                var items = (await agenda.ForMeetingAsync(meeting.MeetingId, cancellationToken)).Where(i => !i.Withdrawn).ToList();
                if (items.Count == 0)
                {
                    continue;
                }

                var numbers = (await agendas.ForAsync(meeting, cancellationToken)).Lines.Where(l => !l.Standing)
                    .GroupBy(l => MeetingAgenda.Key(l.Title)).ToDictionary(g => g.Key, g => g.First().Number, StringComparer.Ordinal);
                found.AddRange(items.Select(i => new PaperCandidate(i, meeting, numbers.GetValueOrDefault(MeetingAgenda.Key(i.Title)), gate.Board.Access)));
            }
        }

        return found;
    }

    /// <summary>Lower case, letters and digits only, single spaces: "Community Safety Strategy (refresh)." → "community safety strategy refresh".</summary>
    private static string Words(string text) =>
        string.Join(' ', new string([.. (text ?? string.Empty).ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
