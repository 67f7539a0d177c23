using PartnershipBot.Features.Boards;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Meetings.Attendance;

/// <summary>Gathers what the attendance card and the Record press need: voting members, apologies, and what is marked.</summary>
public sealed class AttendanceViews(IBoardRoles roles, IMeetingApologies apologies, IMeetingAttendance attendance)
{
    private static readonly BoardRole[] VotingRoles = [BoardRole.Member, BoardRole.Chair, BoardRole.ViceChair];

    /// <summary>The board's voting members as people (one each), by name.</summary>
    public async Task<IReadOnlyList<PersonRecord>> VotingPeopleAsync(string board, CancellationToken cancellationToken)
    {
        var people = new Dictionary<string, PersonRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in VotingRoles)
        {
            foreach (var person in await roles.HoldersAsync(board, role, cancellationToken))
            {
                people.TryAdd(person.PersonId, person);
            }
        }

        return [.. people.Values.OrderBy(p => p.Name ?? p.PersonId, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.PersonId, StringComparer.Ordinal)];
    }

    /// <summary>The card's view of <paramref name="meeting"/> under <paramref name="model"/>'s quorum rule.</summary>
    public async Task<AttendanceView> ForAsync(MeetingRecord meeting, TermsOfReferenceModel? model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var voting = await VotingPeopleAsync(meeting.BoardName, cancellationToken);
        var sent = await apologies.ForMeetingAsync(meeting.MeetingId, cancellationToken);
        var away = sent.Select(a => a.PersonId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var record = await attendance.ForMeetingAsync(meeting.MeetingId, cancellationToken);
        var live = AttendanceQuorum.Of(model, voting.Select(p => p.PersonId).ToHashSet(StringComparer.OrdinalIgnoreCase), record.Present);
        return new AttendanceView(meeting, [.. voting.Where(p => !away.Contains(p.PersonId))], [.. sent.Select(a => a.PersonName ?? a.PersonId)], record, live);
    }
}
