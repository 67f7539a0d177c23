using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// The ToR's quorum rule applied after recusals, with the arithmetic shown so the chair can check it:
/// "14 members, quorum 8; 2 withdrawing leaves 12 eligible: quorate".
/// </summary>
/// <param name="Members">Members of the board.</param>
/// <param name="Needed">The quorum the rule gives for that membership.</param>
/// <param name="Withdrawing">Members who declared an interest.</param>
/// <param name="Rule">The rule as the ToR words it.</param>
public sealed record QuorumCheck(int Members, int Needed, int Withdrawing, string Rule)
{
    /// <summary>Members left to take the decision.</summary>
    public int Eligible => Members - Withdrawing;

    /// <summary>True when enough members remain.</summary>
    public bool Quorate => Eligible >= Needed;

    /// <summary>Applies <paramref name="rule"/>.</summary>
    public static QuorumCheck Apply(QuorumRule rule, int members, int withdrawing)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new QuorumCheck(members, rule.Needed(members), withdrawing, rule.Text);
    }

    /// <summary>The arithmetic and verdict, e.g. "14 members, quorum 8; 2 withdrawing leaves 12 eligible: quorate."</summary>
    public string Arithmetic => Quorate
        ? $"{Members} members, quorum {Needed}; {Withdrawing} withdrawing leaves {Eligible} eligible: quorate."
        : $"{Members} members, quorum {Needed}; {Withdrawing} withdrawing leaves {Eligible} eligible: NOT quorate ({Needed - Eligible} short).";
}
