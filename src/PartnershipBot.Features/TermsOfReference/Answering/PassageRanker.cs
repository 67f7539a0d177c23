using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>One passage scored against a question, with the evidence the answer-or-decline decision reads.</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Lexical">Normalised BM25 of the question's words (about 1 for a full match).</param>
/// <param name="Settles">True when the passage settles the question's topic by the topic's own cues.</param>
/// <param name="InSection">True when the passage sits under a heading about the topic.</param>
/// <param name="Fits">True when the passage has the shape of answer the question asks for (a who, a number, a rate).</param>
/// <param name="Holder">For chair questions, true when it names the holder, how they are chosen or their term, as asked.</param>
/// <param name="Deferred">True when the passage defers the point ("to be confirmed").</param>
/// <param name="Dense">Cosine similarity of the sentence embeddings, or null when embeddings are off.</param>
/// <param name="Score">The ranking score.</param>
public sealed record RankedPassage(TorPassage Passage, double Lexical, bool Settles, bool InSection, bool Fits, bool Holder, bool Deferred, double? Dense, double Score)
{
    /// <summary>Share of the question's weighted words the passage or its headings hold, whatever its length.</summary>
    public double Coverage { get; init; }

    /// <summary>True when the model holds this passage as its best evidence for the question's topic.</summary>
    public bool TopEvidence { get; init; }
}

/// <summary>A question's ranking with what it says about the question as a whole.</summary>
/// <param name="Passages">Best first.</param>
/// <param name="UnknownShare">Share of the question's weight in words the document never uses.</param>
/// <param name="TopicStatus">Whether the ToR settles the question's topic (null for questions on no modelled topic).</param>
public sealed record Ranking(IReadOnlyList<RankedPassage> Passages, double UnknownShare, FactStatus? TopicStatus);

/// <summary>
/// Ranks a board's passages for a question: lexical match first, then the topic's settling cues, the
/// section, and whether the passage has the shape of answer asked for; with embeddings on, the dense
/// similarity is added. One ranking serves every topic, so a new topic needs cues, not new code.
/// </summary>
public static class PassageRanker
{
    /// <summary>Weight of the dense similarity, measured against lexical-only on the dev set.</summary>
    public const double DenseWeight = 1.5;

    // Ranking bonuses, set by a coordinate search over the gold sets (seeds, dev, fixtures) on the number of
    // questions answered right: settles the topic, the model's top evidence, under a topic heading, has the shape of
    // answer asked for, names the holder asked for, a list wanted and found, a list not wanted.
    private const double SettlesBonus = 0.45, TopEvidenceBonus = 0.25, SectionBonus = 0.25, FitsBonus = 0.4, HolderBonus = 0.5, ListWantedBonus = 0.6;

    // Coverage of the question's words beyond its topic cue and the board's name ("task groups" in "how often do task
    // groups report?"): among a topic's clauses, the one about what the member named. Measured 0.4–0.8 alike; 0.6 kept.
    private const double SpecificBonus = 0.6;

    // Words of the request itself ("can you list ...", "does it set / state / mention ..."), which say nothing about the clause wanted.
    private static readonly HashSet<string> RequestKeys = new(new[] { "list", "show", "give", "explain", "find", "set", "state", "mention", "specify" }.Select(Text.Words.Key), StringComparer.Ordinal);

    /// <summary>Passages of <paramref name="model"/> ranked for <paramref name="question"/>, best first.</summary>
    /// <param name="model">The board's model.</param>
    /// <param name="question">The analysed question.</param>
    /// <param name="similarity">Dense similarity of a passage to the question, or null when not available.</param>
    public static Ranking Rank(TermsOfReferenceModel model, QuestionAnalysis question, Func<TorPassage, double?>? similarity = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(question);
        var soft = new HashSet<string>(model.Identity.AliasKeys, StringComparer.Ordinal);
        soft.UnionWith(question.Keys.Where(BoardIdentity.IsBodyNoun));
        var scorer = new LexicalScorer(model, question.Keys, soft);
        // The question's own words beyond its topic's cue and the board's name pick the clause among the topic's clauses.
        var specificKeys = question.Keys.Where(k => !question.TopicKeys.Contains(k) && !soft.Contains(k) && !RequestKeys.Contains(k)).ToList();
        var specific = question.Topic == Topic.General || specificKeys.Count == 0 ? null : new LexicalScorer(model, specificKeys, soft);
        var topic = question.Topic;
        var wantsList = question.ListAll || question.WantsList;
        // The model's best evidence for the topic (ordered by its cues and section) is a strong candidate.
        var topFacts = topic != Topic.General && model.Facts[topic] is { Status: FactStatus.Stated } fact ? fact.Evidence.Take(2).ToHashSet() : [];
        var ranked = new List<RankedPassage>();
        foreach (var passage in model.Passages)
        {
            // A bare lead-in says nothing; a contents entry or a title only names the topic asked about.
            if (passage.IsBareLeadIn || (topic != Topic.General && TermsOfReferenceModel.NamesOnly(topic, passage)))
            {
                continue;
            }

            var lexical = scorer.Score(passage);
            var settles = topic != Topic.General && model.SettleScore(topic, passage) > 0;
            var inSection = topic != Topic.General && TermsOfReferenceModel.SectionBonus(topic, passage) > 0;
            var fits = AnswerShape.Fits(question.Expected, passage.Text);
            var holder = IsChairAnswer(question, passage.Text);
            var topEvidence = topFacts.Contains(passage);
            var deferred = TopicCues.IsDeferred(passage.Text);
            var dense = similarity?.Invoke(passage);
            var score = lexical
                + (settles ? SettlesBonus : 0) + (topEvidence ? TopEvidenceBonus : 0) + (inSection ? SectionBonus : 0) + (fits ? FitsBonus : 0)
                + (holder ? HolderBonus : 0) + (wantsList && passage.IsList ? ListWantedBonus : 0)
                + (dense is { } d ? DenseWeight * d : 0)
                + (specific is null ? 0 : SpecificBonus * specific.Coverage(passage));
            if (lexical > 0 || settles || dense is not null)
            {
                ranked.Add(new RankedPassage(passage, lexical, settles, inSection, fits, holder, deferred, dense, score) { Coverage = scorer.Coverage(passage), TopEvidence = topEvidence });
            }
        }

        if (TopicCatalog.Of(topic) is { AnswersOnlyFromSettling: true } && ranked.Any(r => r.Settles))
        {
            ranked.RemoveAll(r => !r.Settles);
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : a.Passage.Id.CompareTo(b.Passage.Id));
        return new Ranking(ranked, scorer.UnknownShare, topic == Topic.General ? null : model.Facts[topic].Status);
    }

    private static readonly string[] HolderSegmentBreaks = ["\n", "•", ". ", "; "];

    /// <summary>For chair and vice-chair questions: does the text say what was asked (holder, how chosen, or term)?</summary>
    private static bool IsChairAnswer(QuestionAnalysis question, string text)
    {
        if (question.Post is { } post)
        {
            return RoleHolder.Names(post, text);
        }

        if (question.Topic is not (Topic.Chair or Topic.ViceChair))
        {
            return false;
        }

        return question.ChairAspect switch
        {
            ChairAspect.HowChosen => TopicCues.SaysHowChosen(question.Topic, text) || TopicCues.NamesHolder(question.Topic, text),
            ChairAspect.Term => TopicCues.GivesTerm(text),
            // "Who is the chair?" needs the holder (a person or a post); "who is the current chair?" a name. The rule
            // that elects them does not say who they are.
            // The name must be in the item or sentence that names the post, not anywhere in a long list ("St Stephen" in an aim).
            ChairAspect.Who when question.AsksForCurrentHolder => text.Split(HolderSegmentBreaks, StringSplitOptions.RemoveEmptyEntries)
                .Any(segment => TopicCues.NamesHolder(question.Topic, segment) && AnswerShape.NamesPerson(segment)),
            ChairAspect.Who => TopicCues.NamesHolder(question.Topic, text) || TopicCues.NamesChooser(question.Topic, text),
            _ => TopicCues.Mentions(question.Topic, text),
        };
    }
}
