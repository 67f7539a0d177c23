using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// Membership questions: "who are the members?" needs a membership list; "are the police on the board?"
/// needs a member entry that matches (with synonyms: police ↔ constabulary); "who are the statutory
/// members?" needs the list under that heading.
/// </summary>
public static class MembershipAnswers
{
    private const double MinimumCoverage = 0.5;

    /// <summary>Answers a membership question.</summary>
    public static TorAnswer Answer(TermsOfReferenceModel model, QuestionAnalysis question)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(question);
        var board = model.Identity.Name;
        var candidates = model.MembershipPassages;
        var focus = TopicVocabulary.Focus(question, model.Identity.AliasKeys, Topic.Membership);
        if (question.ListAll || focus.Count == 0)
        {
            var lists = candidates.Where(p => p.IsList && p.Clauses.Count >= 4 && TermsOfReferenceModel.SectionBonus(Topic.Membership, p) > 0)
                .OrderByDescending(p => p.Clauses.Count).Take(3).OrderBy(p => p.Id).ToList();
            return lists.Count == 0
                ? TorAnswerer.NotSettled(model, question, Topic.Membership, candidates.FirstOrDefault(p => !p.IsList))
                : AnswerText.Settled(question.Question, board, $"The {board} Terms of Reference list the membership as:", lists);
        }

        var matcher = new PassageMatcher(model, focus);
        var scored = candidates
            .Select(p => (Passage: p, Coverage: matcher.Coverage(p)))
            .Where(x => x.Coverage >= MinimumCoverage)
            .Select(x => (x.Passage, x.Coverage, Rank: x.Coverage + (TermsOfReferenceModel.SectionBonus(Topic.Membership, x.Passage) > 0 ? 0.3 : 0)))
            .OrderByDescending(x => x.Rank)
            .ThenBy(x => x.Passage.IsList ? 1 : 0)
            .ThenBy(x => x.Passage.Id)
            .ToList();
        if (scored.Count == 0)
        {
            return AnswerText.Unsettled(question.Question, board, "that: I can't find it among the members and representatives they list", null);
        }

        var chosen = new List<TorPassage>();
        foreach (var (passage, _, rank) in scored)
        {
            if (chosen.Count >= 4 || rank < scored[0].Rank * 0.8)
            {
                break;
            }

            var overlapping = chosen.Where(c => c.Clauses.Intersect(passage.Clauses).Any()).ToList();
            if (overlapping.Count == 0)
            {
                chosen.Add(passage);
            }
            else if (passage.IsList && overlapping.All(c => !c.IsList))
            {
                // Several matching items of one list read better as the list with its introduction.
                chosen.RemoveAll(overlapping.Contains);
                chosen.Add(passage);
            }
        }

        return AnswerText.Settled(question.Question, board, $"On membership of the {board}, the Terms of Reference say:", [.. chosen.OrderBy(p => p.Id)]);
    }
}
