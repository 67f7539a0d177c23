using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// Answers a question about one board's ToR: ranks the passages (<see cref="PassageRanker"/>), decides once
/// whether the best of them settles the question (<see cref="AnswerDecision"/>), and either quotes the sentence
/// or two that answer, under a lead computed from the model where it can be (a quorum worked out, a notice
/// period in working days), or says plainly that the ToR does not settle it.
/// </summary>
public static class TorAnswerer
{
    /// <summary>How close a passage must come to the question to be offered as "the nearest they come".</summary>
    private const double NearestFloor = 0.45;

    /// <summary>Answers <paramref name="question"/> from <paramref name="model"/>.</summary>
    /// <param name="model">The board's model.</param>
    /// <param name="question">The analysed question.</param>
    /// <param name="similarity">Dense similarity of a passage to this question, when embeddings are on.</param>
    public static TorAnswer Answer(TermsOfReferenceModel model, QuestionAnalysis question, Func<TorPassage, double?>? similarity = null) =>
        Consider(model, question, similarity).Decided;

    /// <summary>Both possible answers with the decision's inputs: what <see cref="Answer"/> chooses between (and what calibration fits).</summary>
    public static AnswerCandidate Consider(TermsOfReferenceModel model, QuestionAnalysis question, Func<TorPassage, double?>? similarity = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(question);
        var ranking = PassageRanker.Rank(model, question, similarity);
        if (ranking.Passages.Count == 0)
        {
            return new AnswerCandidate(null, NotSettled(model, question, null), [], 0) { Ranking = ranking };
        }

        var features = AnswerDecision.Features(question, ranking);
        var weights = ranking.Passages[0].Dense is null ? AnswerDecision.LexicalWeights : AnswerDecision.DenseWeights;
        var confidence = AnswerDecision.MeetsNeeds(question, ranking.Passages[0]) ? AnswerDecision.Confidence(features, weights) : 0;
        var settled = AnswerText.Settled(question.Question, model.Identity.Name, Lead(model, question.Topic), Chosen(question, ranking.Passages)) with { Confidence = confidence };
        var declined = NotSettled(model, question, ranking.Passages[0].Lexical >= NearestFloor ? ranking.Passages[0].Passage : null);
        return new AnswerCandidate(settled, declined, features, confidence) { Ranking = ranking };
    }

    /// <summary>The best passage and, when one from another clause comes close, that one too (an answer may span two clauses).</summary>
    private static List<TorPassage> Chosen(QuestionAnalysis question, IReadOnlyList<RankedPassage> ranking)
    {
        var best = ranking[0];
        // When several items of one list rank near the top, the question is about the list: quote it whole.
        if (best.Passage.Anchor.ParentIndex is { } parent && best.Passage.Anchor.Kind == Parsing.ClauseKind.ListItem)
        {
            var siblings = ranking.Take(6).Count(r => r.Passage.Anchor.ParentIndex == parent && !r.Passage.IsList);
            var list = ranking.FirstOrDefault(r => r.Passage.IsList && r.Passage.Anchor.Index == parent);
            if (siblings >= 2 && list is not null && list.Passage.Clauses.Count <= 16)
            {
                return [list.Passage];
            }
        }

        var chosen = new List<TorPassage> { best.Passage };
        // A sentence often needs its neighbour ("... is used to commission services. The PCT commissions ..."): quote
        // the better-matching sentence beside it in the same clause, so the answer is at most two sentences of it.
        if (best.Passage.IsSentence)
        {
            var neighbour = ranking.Where(r => r.Passage.Anchor == best.Passage.Anchor && Math.Abs(r.Passage.Id - best.Passage.Id) == 1)
                .OrderByDescending(r => r.Score).FirstOrDefault();
            if (neighbour is not null && neighbour.Score >= best.Score * 0.5)
            {
                // The clause's list passage holds the sentence. When its lead-in goes on with the question ("The quorum
                // shall be 6. No meeting is quorate unless: • ...") the items are part of the answer: quote it instead.
                // When it turns to something else ("... meets every six weeks. Its standing items are:"), the sentence alone.
                if (!neighbour.Passage.IsList)
                {
                    chosen.Add(neighbour.Passage);
                }
                else if (LeadInGoesOn(question, neighbour.Passage))
                {
                    chosen[0] = neighbour.Passage;
                }
            }
        }

        // Another clause, or another sentence of the same long clause ("... quarterly forum meetings ..." beside "must meet
        // at least 4 times a year"), that comes nearly as close is quoted too.
        var runnerUp = ranking.Skip(1).FirstOrDefault(r => (best.Passage.IsSentence && r.Passage.IsSentence && r.Passage.Id != best.Passage.Id)
            || (!r.Passage.Clauses.Intersect(best.Passage.Clauses).Any() && !best.Passage.Clauses.Intersect(r.Passage.Clauses).Any()));
        if (runnerUp is not null && runnerUp.Score >= best.Score * 0.9 && runnerUp.Fits && !chosen.Contains(runnerUp.Passage))
        {
            chosen.Add(runnerUp.Passage);
        }

        return [.. chosen.OrderBy(p => p.Id)];
    }

    private static bool LeadInGoesOn(QuestionAnalysis question, TorPassage list)
    {
        var leadIn = Text.SentenceSplitter.Split(list.Anchor.Text) is { Count: > 0 } sentences ? sentences[^1] : list.Anchor.Text;
        return question.Topic == Topic.General
            ? Text.Words.Keys(leadIn).Intersect(question.Keys).Any()
            : TopicCues.Mentions(question.Topic, leadIn);
    }

    /// <summary>The "doesn't settle it" answer, quoting the nearest passage when it is close enough to help.</summary>
    internal static TorAnswer NotSettled(TermsOfReferenceModel model, QuestionAnalysis question, TorPassage? nearest) =>
        AnswerText.Unsettled(question.Question, model.Identity.Name, AnswerText.Describe(question.Topic, question.ChairAspect), nearest,
            question.Topic == Topic.General ? FactStatus.NotStated : model.Facts[question.Topic].Status);

    private static string Lead(TermsOfReferenceModel model, Topic topic)
    {
        var board = model.Identity.Name;
        return topic switch
        {
            Topic.Quorum when model.Quorum is { } rule => $"Quorum for the {board}: {rule.Describe()}",
            Topic.PapersDeadline when model.PapersDeadline is { } period => $"Papers for the {board} go out at least {period.Describe()}.",
            Topic.MinutesDeadline when model.MinutesDeadline is { } period => $"Minutes of the {board} are due {period.Describe()}.",
            Topic.DocumentDate when model.DocumentDate is { } date => $"The {board} Terms of Reference are dated {date}:",
            _ => $"The {board} Terms of Reference say:",
        };
    }
}

/// <summary>What the answerer weighed: the answer it would give, the decline, the decision's inputs and its confidence.</summary>
/// <param name="Settled">The answer quoting the best passages, or null when no passage matched at all.</param>
/// <param name="Declined">The "doesn't settle it" answer.</param>
/// <param name="Features">The decision's inputs (<see cref="AnswerDecision.FeatureNames"/>).</param>
/// <param name="Confidence">The decision's confidence in <paramref name="Settled"/>.</param>
public sealed record AnswerCandidate(TorAnswer? Settled, TorAnswer Declined, IReadOnlyList<double> Features, double Confidence)
{
    /// <summary>The passages as ranked (for diagnostics).</summary>
    public Ranking? Ranking { get; init; }

    /// <summary>The answer the bot gives.</summary>
    public TorAnswer Decided => Settled is not null && Confidence >= AnswerDecision.Threshold ? Settled : Declined;
}
