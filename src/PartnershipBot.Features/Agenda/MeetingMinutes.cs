using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Meetings.Attendance;

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
/// <param name="Attendance">Who was recorded present, and who was absent without apologies, when attendance was taken; else null.</param>
public sealed record MinutesDraft(AgendaView Agenda, IReadOnlyList<string> Members, IReadOnlyList<string> Apologies, IReadOnlyList<MinutedDeclaration> Declarations, MinutedAttendance? Attendance = null);

/// <summary>The attendance as the minutes record it.</summary>
/// <param name="Present">Names of those recorded present (members and anyone else marked).</param>
/// <param name="Absent">Members neither present nor sending apologies.</param>
/// <param name="Quorum">The quorum at the last Record, or null when members marked themselves but nobody pressed Record.</param>
public sealed record MinutedAttendance(IReadOnlyList<string> Present, IReadOnlyList<string> Absent, RecordedQuorum? Quorum);

/// <summary>
/// Gathers what the secretary's draft minutes need from the records the bot already keeps; the secretary completes
/// the discussion, decisions and actions under each item.
/// </summary>
public sealed class MeetingMinutes(MeetingAgenda agendas, DeclarationMembers members, IMeetingApologies apologies, IMeetingAttendance attendance, IDeclarationItemStore items, IDeclarationRegister register)
{
    /// <summary>The draft's contents for <paramref name="meeting"/>.</summary>
    public async Task<MinutesDraft> ForAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var agenda = await agendas.ForAsync(meeting, cancellationToken);
        var board = await members.OfBoardAsync(meeting.BoardName, cancellationToken);
        var people = board.Select(p => p.Name ?? p.PersonId).ToList();
        var received = await apologies.ForMeetingAsync(meeting.MeetingId, cancellationToken);
        var sent = received.Select(a => a.PersonName ?? a.PersonId).ToList();
        var recorded = await attendance.ForMeetingAsync(meeting.MeetingId, cancellationToken);
        var declared = new List<MinutedDeclaration>();
        foreach (var item in await items.ForMeetingAsync(meeting.MeetingId, cancellationToken))
        {
            // An amendment is a later entry: the minutes record each person's standing declaration, with its number.
            var latest = (await register.ListForItemAsync(item, cancellationToken)).GroupBy(r => r.Entry.PersonId, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(r => r.Sequence)!);
            declared.AddRange(latest.Where(r => r.Entry.Interest != InterestKind.None)
                .Select(r => new MinutedDeclaration(r.Sequence, item.Title, r.Entry.PersonName ?? r.Entry.PersonId, r.Entry.Interest, r.Entry.Nature)));
        }

        return new MinutesDraft(agenda, people, sent, [.. declared.OrderBy(d => d.Sequence)], Minuted(recorded, board, received));
    }

    /// <summary>Present, and absent without apologies, from the recorded attendance; null when none was taken.</summary>
    private static MinutedAttendance? Minuted(AttendanceRecord recorded, IReadOnlyList<Boards.PersonRecord> board, IReadOnlyList<MeetingApology> received)
    {
        if (recorded.Present.Count == 0 && recorded.Quorum is null)
        {
            return null;
        }

        var accounted = recorded.Present.Select(a => a.PersonId).Concat(received.Select(a => a.PersonId)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new MinutedAttendance(
            [.. recorded.Present.Select(a => a.PersonName ?? a.PersonId)],
            [.. board.Where(p => !accounted.Contains(p.PersonId)).Select(p => p.Name ?? p.PersonId)],
            recorded.Quorum);
    }
}
