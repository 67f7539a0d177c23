using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// Answers a question about one board's ToR: from the structured model when the question is about a
/// modelled field, otherwise from the clauses that best cover the question's words. Below the confidence
/// cut-off it says the ToR does not settle the question rather than guess.
/// </summary>
public static partial class TorAnswerer
{
    /// <summary>Share of the question's focus a clause must cover before the bot relies on it.</summary>
    public const double ConfidenceCutOff = 0.6;

    /// <summary>The cut-off for "who" questions, which must match the role they ask about.</summary>
    public const double WhoCutOff = 0.75;

    private static readonly HashSet<Topic> NarrowTopics =
    [
        Topic.Quorum, Topic.ConflictsOfInterest, Topic.PapersDeadline, Topic.MinutesDeadline, Topic.ScheduleMonths, Topic.Frequency,
        Topic.Substitutes, Topic.DecisionMaking, Topic.Secretariat, Topic.PublicAccess, Topic.Chair, Topic.ViceChair, Topic.Adoption, Topic.Review,
    ];

    /// <summary>Answers <paramref name="question"/> from <paramref name="model"/>.</summary>
    public static TorAnswer Answer(TermsOfReferenceModel model, QuestionAnalysis question)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(question);
        if (question.Topic == Topic.General)
        {
            return GeneralAnswer(model, question) ?? NotSettled(model, question, Topic.General);
        }

        var topical = question.Topic switch
        {
            Topic.Chair or Topic.ViceChair => ChairAnswers.Answer(model, question),
            Topic.Membership => MembershipAnswers.Answer(model, question),
            _ => FieldAnswer(model, question),
        };

        // A broad topic word ("report", "funding") may only be context: "which legislation is it set up under?"
        // When a clause answers the question's specific words far better, that clause is the answer. Narrow
        // topics never defer to it, so it is only worked out for broad ones.
        if (NarrowTopics.Contains(question.Topic))
        {
            return topical;
        }

        var general = GeneralAnswer(model, question);
        if (general is not null && general.Citations.Count > 0
            && (!topical.Answered || topical.Citations.All(c => c.Text != general.Citations[0].Text) && FocusCoverage(model, question, topical) < 0.34))
        {
            return general;
        }

        return topical;
    }

    /// <summary>Answers a modelled field from its stated evidence, ranked by how well each clause fits the question.</summary>
    private static TorAnswer FieldAnswer(TermsOfReferenceModel model, QuestionAnalysis question)
    {
        var fact = model.Facts[question.Topic];
        if (fact.Status != FactStatus.Stated)
        {
            return NotSettled(model, question, question.Topic);
        }

        var focus = TopicVocabulary.Focus(question, model.Identity.AliasKeys, question.Topic);
        var chosen = Rank(model, question, fact.Evidence, focus);

        // "How much does each partner contribute?" needs an amount; a clause that only says they contribute doesn't give one.
        if (question.Expected is ExpectedAnswer.HowMuch or ExpectedAnswer.Duration or ExpectedAnswer.Day or ExpectedAnswer.Time
            && !chosen.Any(p => FitsExpected(question.Expected, p.Text)))
        {
            return AnswerText.Unsettled(question.Question, model.Identity.Name, "that detail", chosen.FirstOrDefault());
        }

        // "What's the casting vote rule?" is not answered by a clause that only says decisions go to a vote.
        var missing = SpecificTerms().Matches(question.Corrected).Select(m => m.Value.ToLowerInvariant())
            .FirstOrDefault(term => !chosen.Any(p => p.Text.Contains(term, StringComparison.OrdinalIgnoreCase)));
        if (missing is not null)
        {
            return AnswerText.Unsettled(question.Question, model.Identity.Name, $"the {missing} question", chosen.FirstOrDefault());
        }

        return AnswerText.Settled(question.Question, model.Identity.Name, Lead(model, question.Topic), chosen);
    }

    /// <summary>
    /// Orders candidate passages by topic evidence, section and fit to the question's focus words, and keeps
    /// the best with any close runners-up (a member asking about accountability may need two clauses).
    /// </summary>
    internal static List<TorPassage> Rank(TermsOfReferenceModel model, QuestionAnalysis question, IEnumerable<TorPassage> candidates, IReadOnlyList<string> focus, int keep = 3)
    {
        var matcher = new PassageMatcher(model, focus);
        var scored = candidates
            .Select(p => (Passage: p, Score: model.SettleScore(question.Topic, p) + TermsOfReferenceModel.SectionBonus(question.Topic, p)
                + (4 * matcher.Coverage(p)) + (2 * matcher.PhraseMatch(p)) + (FitsExpected(question.Expected, p.Text) ? 1 : 0)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Passage.Id)
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored[0].Score;
        var chosen = new List<TorPassage>();
        foreach (var (passage, score) in scored)
        {
            if (chosen.Count >= keep || score < best * 0.75)
            {
                break;
            }

            var overlaps = chosen.Any(c => c.Clauses.Intersect(passage.Clauses).Any());
            if (!overlaps)
            {
                chosen.Add(passage);
            }
        }

        return [.. chosen.OrderBy(p => p.Id)];
    }

    /// <summary>The clauses that best cover the question's words, when one covers enough of them to rely on.</summary>
    internal static TorAnswer? GeneralAnswer(TermsOfReferenceModel model, QuestionAnalysis question)
    {
        var focus = TopicVocabulary.Focus(question, model.Identity.AliasKeys, Topic.General);
        if (focus.Count == 0)
        {
            return null;
        }

        // The board's own name words stay in, softly: "a cohesive community" needs "community".
        var keys = question.Keys.Where(k => focus.Contains(k) || model.Identity.AliasKeys.Contains(k)).ToList();
        var matcher = new PassageMatcher(model, keys, model.Identity.AliasKeys);
        var scored = model.Passages
            .Where(p => !p.IsBareLeadIn)
            .Select(p => (Passage: p, Coverage: matcher.Coverage(p) + (0.5 * matcher.PhraseMatch(p))))
            .Where(x => x.Coverage > 0)
            .OrderByDescending(x => x.Coverage)
            .ThenBy(x => x.Passage.IsList ? 1 : 0)
            .ThenBy(x => x.Passage.Id)
            .Take(8)
            .ToList();
        // "Who ...?" names a role or body, so the clause must match the question more closely to be relied on.
        var cutOff = question.Expected == ExpectedAnswer.Who ? WhoCutOff : ConfidenceCutOff;
        if (scored.Count == 0 || scored[0].Coverage < cutOff)
        {
            return null;
        }

        // "When ...?" wants a date and "how often ...?" a rate: prefer a close runner-up that has one.
        var best = scored.FirstOrDefault(x => x.Coverage >= ConfidenceCutOff && x.Coverage >= scored[0].Coverage * 0.6 && FitsExpected(question.Expected, x.Passage.Text));
        if (best.Passage is null && question.Expected == ExpectedAnswer.Where && question.Keys.Contains("meet"))
        {
            // "Where are meetings held?": a venue stated under the meetings heading, even in a clause that doesn't say "meet".
            var venue = model.Passages.FirstOrDefault(p => !p.IsList && (p.Keys.Contains("meet") || p.HeadingKeys.Contains("meet")) && PlaceLike().IsMatch(p.Text));
            if (venue is not null)
            {
                return AnswerText.Settled(question.Question, model.Identity.Name, $"The {model.Identity.Name} Terms of Reference say:", [venue]);
            }
        }

        if (best.Passage is null)
        {
            if (question.Expected is not (ExpectedAnswer.Any or ExpectedAnswer.Who))
            {
                return NotSettled(model, question, Topic.General, scored[0].Passage);
            }

            best = scored[0];
        }

        // A term of art the question names ("casting vote", "budget") must be in the clause relied on.
        if (SpecificTerms().Matches(question.Corrected).Any(term => !best.Passage.Text.Contains(term.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        // "Who is the current chief executive?" asks for a person; a clause naming only the post doesn't say.
        var asksForPerson = question.Expected == ExpectedAnswer.Who && CurrentHolder().IsMatch(question.Corrected) && !PersonName().IsMatch(best.Passage.Text);
        if (asksForPerson || (question.Expected == ExpectedAnswer.Who && TopicCues.IsDeferred(best.Passage.Text)))
        {
            return NotSettled(model, question, Topic.General, best.Passage);
        }

        var runnerUp = scored.Skip(1).FirstOrDefault(x => x.Coverage >= best.Coverage * 0.9 && !x.Passage.Clauses.Intersect(best.Passage.Clauses).Any());
        List<TorPassage> chosen = runnerUp.Passage is null ? [best.Passage] : [.. new[] { best.Passage, runnerUp.Passage }.OrderBy(p => p.Id)];
        return AnswerText.Settled(question.Question, model.Identity.Name, $"The {model.Identity.Name} Terms of Reference say:", chosen);
    }

    /// <summary>The "doesn't settle it" answer, quoting what the ToR does say nearby, if anything.</summary>
    internal static TorAnswer NotSettled(TermsOfReferenceModel model, QuestionAnalysis question, Topic topic, TorPassage? nearest = null)
    {
        if (nearest is null && topic != Topic.General)
        {
            var focus = TopicVocabulary.Focus(question, model.Identity.AliasKeys, topic);
            nearest = Rank(model, question, model.Facts[topic].Evidence, focus, keep: 1).FirstOrDefault();
        }

        return AnswerText.Unsettled(question.Question, model.Identity.Name, AnswerText.Describe(topic, question.ChairAspect), nearest);
    }

    private static double FocusCoverage(TermsOfReferenceModel model, QuestionAnalysis question, TorAnswer answer)
    {
        var focus = TopicVocabulary.Focus(question, model.Identity.AliasKeys, question.Topic);
        if (focus.Count == 0)
        {
            return 1;
        }

        var matcher = new PassageMatcher(model, focus);
        return answer.Citations
            .Select(c => model.Passages.FirstOrDefault(p => p.Text == c.Text))
            .Where(p => p is not null)
            .Select(p => matcher.Coverage(p!))
            .DefaultIfEmpty(0)
            .Max();
    }

    private static bool FitsExpected(ExpectedAnswer expected, string text) => expected switch
    {
        ExpectedAnswer.When => DateLike().IsMatch(text),
        ExpectedAnswer.HowOften => MeetingFrequency.Rate(text) is not null || RateLike().IsMatch(text),
        ExpectedAnswer.Where => PlaceLike().IsMatch(text),
        ExpectedAnswer.Day => Weekday().IsMatch(text),
        ExpectedAnswer.HowMuch => Amount().IsMatch(text),
        ExpectedAnswer.Duration => Length().IsMatch(text),
        ExpectedAnswer.Time => ClockTime().IsMatch(text),
        _ => true,
    };

    private static string Lead(TermsOfReferenceModel model, Topic topic)
    {
        var board = model.Identity.Name;
        return topic switch
        {
            Topic.Quorum when model.Quorum is { } rule => $"Quorum for the {board}: {rule.Text.Trim().TrimEnd('.')}. For example, with 12 eligible members that is {rule.Needed(12)}.",
            Topic.PapersDeadline when model.PapersDeadline is { } period => $"Papers for the {board} go out at least {period.Describe()}.",
            Topic.MinutesDeadline when model.MinutesDeadline is { } period => $"Minutes of the {board} are due {period.Describe()}.",
            _ => $"The {board} Terms of Reference say:",
        };
    }

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|annual(?:ly)?|each year|every (?:\w+ )?(?:years?|months?)|quarter(?:ly)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateLike();

    [GeneratedRegex(@"£\s?\d|\b\d[\d,.]*\s*(?:k|m|million|thousand|pounds|per cent|percent)\b|\d\s*%")]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(?:\d+|one|two|three|four|half an?|an?)(?:\s+and\s+(?:a\s+)?half)?\s+(?:hours?|minutes|mins)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Length();

    [GeneratedRegex(@"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b(?:morning|afternoon|evening|lunchtime)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\b(?:casting|proxy|ballot|abstain|abstention|unanimous|unanimity|secret|budget)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpecificTerms();

    [GeneratedRegex(@"\b(?:current|currently|at the moment|right now|name of|named|called)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CurrentHolder();

    [GeneratedRegex(@"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Revd)\.?\s+[A-Z][a-z]+|\bName:\s*[A-Z]")]
    private static partial Regex PersonName();

    [GeneratedRegex(@"\b(?:at|in) (?:the )?[A-Z][a-z]+|\b(?:venue|online|virtual\w*|Microsoft Teams|centre|center|hall|offices?|room|town hall|civic)\b")]
    private static partial Regex PlaceLike();

    [GeneratedRegex(@"\b(?:times|each meeting|every meeting|regularly|weekly|monthly|quarterly|annually|yearly|biennially|every (?:\w+ )?years?|each year|per year|a year|\d+\s*-?\s*monthly)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RateLike();
}
