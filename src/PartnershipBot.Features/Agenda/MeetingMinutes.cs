using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Features.Agenda;

/// <summary>A declaration as the minutes record it, with its entry number in the register.</summary>
/// <param name="Sequence">The register's entry number.</param>
/// <param name="Item">The agenda item.</param>
/// <param name="PersonName">Who declared.</param>
/// <param name="Interest">What kind of interest.</param>
/// <param name="Nature">What it is.</param>
public sealed record MinutedDeclaration(long Sequence, string Item, string PersonName, InterestKind Interest, string? Nature);

/// <summary>What the draft minutes are written from: the agenda, who was expected and who sent apologies, and the declarations made.</summary>
/// <param name="Agenda">The meeting's agenda.</param>
/// <param name="Members">The board's voting members by name.</param>
/// <param name="Apologies">Those who sent apologies.</param>
/// <param name="Declarations">Interests declared on the meeting's items (latest entry per person and item).</param>
public sealed record MinutesDraft(AgendaView Agenda, IReadOnlyList<string> Members, IReadOnlyList<string> Apologies, IReadOnlyList<MinutedDeclaration> Declarations);

/// <summary>
/// Gathers what the secretary's draft minutes need from the records the bot already keeps; the secretary completes
/// the discussion, decisions and actions under each item.
/// </summary>
public sealed class MeetingMinutes(MeetingAgenda agendas, DeclarationMembers members, IMeetingApologies apologies, IDeclarationItemStore items, IDeclarationRegister register)
{
    /// <summary>The draft's contents for <paramref name="meeting"/>.</summary>
    public async Task<MinutesDraft> ForAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var agenda = await agendas.ForAsync(meeting, cancellationToken);
        var people = (await members.OfBoardAsync(meeting.BoardName, cancellationToken)).Select(p => p.Name ?? p.PersonId).ToList();
        var sent = (await apologies.ForMeetingAsync(meeting.MeetingId, cancellationToken)).Select(a => a.PersonName ?? a.PersonId).ToList();
        var declared = new List<MinutedDeclaration>();
        foreach (var item in await items.ForMeetingAsync(meeting.MeetingId, cancellationToken))
        {
            // An amendment is a later entry: the minutes record each person's standing declaration, with its number.
            var latest = (await register.ListForItemAsync(item, cancellationToken)).GroupBy(r => r.Entry.PersonId, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(r => r.Sequence)!);
            declared.AddRange(latest.Where(r => r.Entry.Interest != InterestKind.None)
                .Select(r => new MinutedDeclaration(r.Sequence, item.Title, r.Entry.PersonName ?? r.Entry.PersonId, r.Entry.Interest, r.Entry.Nature)));
        }

        return new MinutesDraft(agenda, people, sent, [.. declared.OrderBy(d => d.Sequence)]);
    }
}
