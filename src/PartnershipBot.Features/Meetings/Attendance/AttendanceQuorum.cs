using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Meetings.Attendance;

/// <summary>
/// The quorum on the day: the ToR's rule over the board's voting members, with every voting member not present (sent
/// apologies, withdrew, or simply absent) taken away through the same <see cref="QuorumCheck"/> the apologies forecast
/// and recusals use, so the three can never count differently.
/// </summary>
public static class AttendanceQuorum
{
    /// <summary>The quorum for <paramref name="present"/> among <paramref name="voting"/>; no rule (null model or rule) gives a count only.</summary>
    public static RecordedQuorum Of(TermsOfReferenceModel? model, IReadOnlySet<string> voting, IEnumerable<Attendee> present)
    {
        ArgumentNullException.ThrowIfNull(voting);
        ArgumentNullException.ThrowIfNull(present);
        var here = present.Select(a => a.PersonId).Where(voting.Contains).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        if (model?.Quorum is not { } rule || voting.Count == 0)
        {
            return new RecordedQuorum(here, voting.Count, null, null, null);
        }

        var check = QuorumCheck.Apply(rule, voting.Count, voting.Count - here);
        return new RecordedQuorum(here, voting.Count, check.Needed, check.Quorate, check.Rule);
    }

    /// <summary>"quorate: yes (5 of 8 voting members present, quorum 4; rule: …)" as the card says it.</summary>
    public static string Describe(RecordedQuorum quorum) => quorum?.Quorate switch
    {
        null => $"quorate: not known ({Arithmetic(quorum!)})",
        var quorate => $"quorate: {(quorate == true ? "yes" : "no")} ({Arithmetic(quorum)})",
    };

    /// <summary>"5 of 8 voting members present, quorum 4; rule: …", or the count and that the ToR sets no rule.</summary>
    public static string Arithmetic(RecordedQuorum quorum)
    {
        ArgumentNullException.ThrowIfNull(quorum);
        var count = $"{quorum.Present} of {quorum.Voting} voting members present";
        return quorum.Quorate is null ? $"{count}; the ToR sets no quorum rule" : $"{count}, quorum {quorum.Needed}; rule: {quorum.Rule}";
    }
}
