using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// A meeting's quorum forecast: the ToR's quorum rule over the board's voting members (chair, vice-chair, members),
/// less those who sent apologies, computed by the same <see cref="QuorumCheck"/> recusals use. Only voting members'
/// apologies count: the secretariat's absence takes nobody from the quorum. Chat ("when is the next meeting?") and
/// the tab both read it from here so they can never disagree.
/// </summary>
public static class QuorumForecast
{
    /// <summary>The forecast over <see cref="VotingMembers"/>, with apologies as <see cref="QuorumCheck.Withdrawing"/>; null without a rule or voting members.</summary>
    public static QuorumCheck? For(TermsOfReferenceModel model, IReadOnlySet<string> voting, IReadOnlyList<MeetingApology> received)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(voting);
        ArgumentNullException.ThrowIfNull(received);
        if (model.Quorum is not { } rule || voting.Count == 0)
        {
            return null;
        }

        var absent = received.Select(a => a.PersonId).Where(voting.Contains).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return QuorumCheck.Apply(rule, voting.Count, absent);
    }
}
