using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// The words that only say which topic a question is about ("how often ... meet"). What is left of a
/// question after removing them, and the board's own name, is its focus: the words a clause must share.
/// </summary>
public static class TopicVocabulary
{
    private static readonly Dictionary<Topic, HashSet<string>> Keys = new()
    {
        [Topic.Chair] = Of("chair chairs vice who run runs lead leads head heads elect elected chosen choose appointed select selected role fixed reviewed review term current person"),
        [Topic.ViceChair] = Of("chair chairs vice deputy who elected chosen choose appointed selected role current person"),
        [Topic.Quorum] = Of("quorum quorate need needs present decide decision decisions many people members there vote"),
        [Topic.Frequency] = Of("meet meets meeting meetings often times year frequently frequency"),
        [Topic.ScheduleMonths] = Of("month months meet meeting meetings held dates"),
        [Topic.PapersDeadline] = Of("papers paper agenda reports report advance before ahead days day weeks week circulated sent come out due deadline meeting far late table notice get"),
        [Topic.MinutesDeadline] = Of("minutes circulated sent after meeting days weeks get"),
        [Topic.Secretariat] = Of("secretariat admin administration services servicing support provides provide clerk"),
        [Topic.DecisionMaking] = Of("decisions decision decide vote voting consensus majority made way"),
        [Topic.ConflictsOfInterest] = Of("conflict conflicts interest interests declare declaring rules rule"),
        [Topic.Substitutes] = Of("substitute substitutes send someone place attend instead make"),
        [Topic.PublicAccess] = Of("public open attend come along members meetings meeting"),
        [Topic.Funding] = Of("funding fund funds money budget finance come"),
        [Topic.Accountability] = Of("accountable accountability report reports answer responsible"),
        [Topic.Reporting] = Of("report reports reporting progress often"),
        [Topic.Purpose] = Of("purpose exist"),
        [Topic.Membership] = Of("members member membership represented representation sit attend"),
        [Topic.Review] = Of("review reviewed reviews terms reference when how often"),
        [Topic.Adoption] = Of("agreed approved signed adopted terms reference when date"),
    };

    /// <summary>The question's keys less the topic's own words and the board's name.</summary>
    public static List<string> Focus(QuestionAnalysis question, IReadOnlySet<string> boardAliases, Topic topic)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(boardAliases);
        var topicKeys = Keys.GetValueOrDefault(topic) ?? [];
        return [.. question.Keys.Where(k => !topicKeys.Contains(k) && !boardAliases.Contains(k))];
    }

    private static HashSet<string> Of(string words) => new(words.Split(' ').Select(Words.Key), StringComparer.Ordinal);
}
