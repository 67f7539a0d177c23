using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Declarations;

namespace PartnershipBot.Features.Interests;

/// <summary>A member whose standing declaration names an organisation an item names.</summary>
/// <param name="PersonId">The member.</param>
/// <param name="Name">Their name as declared (or their id).</param>
/// <param name="Organisation">The organisation, as they wrote it.</param>
/// <param name="Section">Where in their declaration.</param>
public sealed record RelevantInterest(string PersonId, string Name, string Organisation, InterestSection Section)
{
    /// <summary>"Jane Smith: Thurrock CVS (directorships and trusteeships)".</summary>
    public override string ToString() => $"{Name}: {Organisation} ({InterestSections.Title(Section).ToLowerInvariant()})";
}

/// <summary>
/// "Standing interests that may be relevant" to a financial item: members whose latest standing declaration names an
/// organisation the item names, by <see cref="OrganisationMatch"/>, in its title or in who brings its paper (the
/// agenda's owner, often an organisation). Only the routes that already show the chair's view (chair, vice-chair,
/// secretariat, admins, through the board's tenant check) call this; it names people, so nobody else sees it.
/// </summary>
public sealed class RelevantInterests(IStandingInterestRegister register, IAgendaStore agenda)
{
    /// <summary>The most lines the chair's card lists; the rest are counted ("and 4 more"), keeping the card under 28 KB.</summary>
    public const int MostShown = 20;

    /// <summary>The members whose standing interests may be relevant to <paramref name="item"/>, in register order.</summary>
    public async Task<IReadOnlyList<RelevantInterest>> ForItemAsync(DeclarationItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var texts = new List<string> { item.Title };
        if (item.MeetingId is { } meetingId)
        {
            var onAgenda = (await agenda.ForMeetingAsync(meetingId, cancellationToken))
                .FirstOrDefault(a => !a.Withdrawn && string.Equals(a.Title.Trim(), item.Title.Trim(), StringComparison.OrdinalIgnoreCase));
            if (onAgenda?.OwnerName is { } owner)
            {
                texts.Add(owner);
            }
        }

        return ForText(texts, await register.CurrentAsync(item.BoardName, cancellationToken));
    }

    /// <summary>The matches of <paramref name="declarations"/> against <paramref name="texts"/> (the rule, without the store).</summary>
    public static IReadOnlyList<RelevantInterest> ForText(IEnumerable<string> texts, IEnumerable<StandingRecord> declarations)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(declarations);
        var words = texts.Select(OrganisationMatch.Words).ToList();
        return [.. declarations
            .SelectMany(d => d.Declaration.Interests.Select(i => (d.Declaration, Interest: i)))
            .Where(x => words.Any(w => OrganisationMatch.Contains(w, OrganisationMatch.Words(x.Interest.Organisation))))
            .Select(x => new RelevantInterest(x.Declaration.PersonId, x.Declaration.PersonName ?? x.Declaration.PersonId, x.Interest.Organisation, x.Interest.Section))];
    }
}
