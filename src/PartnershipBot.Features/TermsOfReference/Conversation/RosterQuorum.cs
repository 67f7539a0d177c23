using System.Globalization;
using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Conversation;

/// <summary>
/// The ToR's quorum rule applied to the members the secretariat recorded, with the working shown in the rule's own
/// rounding ("with 5 members that is 3 (half of 5 is 2.5, rounded up)"), and "are we quorate if 3 turn up?" answered.
/// </summary>
public static partial class RosterQuorum
{
    /// <summary>How many the member says will attend ("if 3 turn up", "only four of us"); null when the question gives none.</summary>
    public static int? AttendingIn(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var match = Attending().Match(question);
        return match.Success ? NumberWords.Parse(match.Groups["n"].Value) : null;
    }

    /// <summary>The paragraph added under the quoted rule.</summary>
    public static string Describe(QuorumRule rule, int members, int? attending)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var working = rule.Working(members);
        var text = $"{char.ToUpper(working[0], CultureInfo.InvariantCulture)}{working[1..]}, counting the {members} voting members the secretariat has recorded.";
        if (attending is { } present)
        {
            var needed = rule.Needed(members);
            text += present >= needed
                ? $" If {present} attend, the meeting is quorate."
                : $" If {present} attend, the meeting is **not quorate**: {needed} are needed.";
        }

        return text;
    }

    [GeneratedRegex(@"\b(?:if|when|only|just)\s+(?:we\s+have\s+|there\s+are\s+)?(?<n>" + NumberWords.Pattern + @")\s+(?:of\s+us|people|members|turn|turns|come|show|attend|are\s+(?:there|present)|make\s+it)\b",
        RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Attending();
}
