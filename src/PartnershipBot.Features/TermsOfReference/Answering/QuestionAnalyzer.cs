using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// Reads a member's question: fixes typos against the documents' own words, maps everyday phrases to
/// ToR wording, and decides which field of the model it asks about. Members write informally ("whats
/// quorum", "who runs the meetings", "can I send someone in my place"), so the patterns are about
/// meaning, tried in order from the most specific.
/// </summary>
public static partial class QuestionAnalyzer
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Analyses <paramref name="question"/>; <paramref name="vocabulary"/> is the documents' words, for typo correction.</summary>
    /// <param name="question">As asked.</param>
    /// <param name="vocabulary">The documents' words.</param>
    /// <param name="boardWords">
    /// Keys of the board's own name, once the board is known: "how often is the scrutiny board held?" is about
    /// frequency, not scrutiny, so the name's words are left out when deciding the topic.
    /// </param>
    public static QuestionAnalysis Analyze(string question, IReadOnlySet<string> vocabulary, IReadOnlySet<string>? boardWords = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var corrected = Correct(question.Trim(), vocabulary);
        foreach (var (phrase, meaning) in EverydayPhrases)
        {
            corrected = phrase.Replace(corrected, meaning);
        }

        var forTopic = boardWords is null ? corrected : WordToken().Replace(corrected, m => boardWords.Contains(Words.Key(m.Value.ToLowerInvariant())) && !KnownQuestionWords.Contains(m.Value.ToLowerInvariant()) ? "board" : m.Value);
        var cue = TopicCatalog.QuestionCues.Select(c => (c.Topic, Match: c.Cue.Pattern.Match(forTopic))).FirstOrDefault(c => c.Match.Success);
        var topic = cue.Topic;
        // The words that made it a topic question ("how often ... meet") say what kind of clause answers; the rest
        // ("task groups", "performance") say which clause of that kind the member means.
        var topicKeys = cue.Match is { } matched ? Words.Keys(matched.Value).ToHashSet(StringComparer.Ordinal) : [];
        if (topic == Topic.Purpose && LegislationOnly().IsMatch(corrected))
        {
            topic = Topic.General;
        }

        var expectsRate = HowOften().IsMatch(corrected);
        if (HowLong().IsMatch(corrected))
        {
            // "How long are meetings?" asks for a length, which the frequency clause may or may not give.
            topic = Topic.General;
        }

        if (expectsRate && topic is not (Topic.Frequency or Topic.Reporting or Topic.Accountability or Topic.Review or Topic.General))
        {
            // "How often do elected members get briefings?" is about briefings, not membership.
            topic = Topic.General;
        }

        var aspect = HowChosen().IsMatch(corrected) ? ChairAspect.HowChosen
            : Term().IsMatch(corrected) ? ChairAspect.Term
            // "Who chairs it?" and a bare "chair of the board?" ask for the holder; "who steps in if the chair is away?"
            // and "what if both chairs miss a meeting?" ask about a situation.
            : (Who().IsMatch(corrected) || CurrentHolder().IsMatch(corrected) || corrected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4) && !Conditional().IsMatch(corrected) ? ChairAspect.Who : ChairAspect.Other;
        var expected = HowMuch().IsMatch(corrected) ? ExpectedAnswer.HowMuch
            : HowLong().IsMatch(corrected) ? ExpectedAnswer.Duration
            : HowOften().IsMatch(corrected) ? ExpectedAnswer.HowOften
            : When().IsMatch(corrected) ? ExpectedAnswer.When
            : Who().IsMatch(corrected) ? ExpectedAnswer.Who
            : WherePlace().IsMatch(corrected) ? ExpectedAnswer.Where
            : WhatDay().IsMatch(corrected) ? ExpectedAnswer.Day
            : WhatTime().IsMatch(corrected) ? ExpectedAnswer.Time
            : HowMany().IsMatch(corrected) ? ExpectedAnswer.HowMany : ExpectedAnswer.Any;
        var keys = Words.Keys(corrected).Where(k => !Lexicon.IsStop(k)).Distinct().ToList();
        return new QuestionAnalysis(question, corrected, topic, aspect, expected, AcrossBoards().IsMatch(corrected), ListAll().IsMatch(corrected), keys)
        {
            WantsList = WantsList().IsMatch(corrected),
            TopicKeys = topic == Topic.General ? new HashSet<string>(StringComparer.Ordinal) : topicKeys,
            AsksForCurrentHolder = CurrentHolder().IsMatch(corrected),
            Post = topic is Topic.General or Topic.Secretariat && RoleHolder.PostAskedAbout(corrected) is { } post && PostLike().IsMatch(post) && !post.Split(' ').Any(w => w.EndsWith("ing", StringComparison.Ordinal)) ? post : null,
        };
    }

    /// <summary>Replaces each unknown word by the document word one edit away ("substitue" → "substitute").</summary>
    private static string Correct(string question, IReadOnlySet<string> vocabulary)
    {
        return WordToken().Replace(question, match =>
        {
            var word = match.Value.ToLowerInvariant();
            if (word.Length < 5 || vocabulary.Contains(word) || Lexicon.IsStop(word) || Lexicon.IsStop(Words.Key(word)) || KnownQuestionWords.Contains(word))
            {
                return match.Value;
            }

            // Short words are only corrected towards the governance vocabulary: "police" must not become "policy".
            var candidates = word.Length >= 7 ? vocabulary.Concat(KnownQuestionWords) : KnownQuestionWords;
            var limit = word.Length >= 9 ? 2 : 1;
            var best = candidates.Where(v => Math.Abs(v.Length - word.Length) <= limit && v.Length >= 4)
                .Select(v => (Word: v, Distance: EditDistance.Damerau(word, v, limit)))
                .Where(x => x.Distance <= limit)
                .OrderBy(x => x.Distance).ThenBy(x => x.Word, StringComparer.Ordinal)
                .FirstOrDefault();
            return best.Word ?? match.Value;
        });
    }

    private static readonly HashSet<string> KnownQuestionWords = new(StringComparer.Ordinal)
    {
        "chairs", "chaired", "chair", "quorum", "quorate", "substitute", "substitutes", "secretariat", "minutes", "papers",
        "agenda", "meeting", "meetings", "often", "public", "members", "member", "membership", "funding", "money",
        "budget", "accountable", "report", "reports", "meet", "meets", "held", "hold", "decisions", "decide", "consensus", "voting", "declare",
        "interest", "interests", "conflict", "purpose", "boards", "months", "deadline", "deputy", "admin", "where",
    };

    private static Regex R(string pattern) => new(pattern, Options, TorRegex.Timeout);

    // Built once: the static Regex.Replace looked each pattern up in the shared regex cache on every question.
    private static readonly (Regex Phrase, string Meaning)[] EverydayPhrases =
        [.. Lexicon.Phrases.Select(p => (R($@"\b{Regex.Escape(p.Phrase)}\b"), p.Meaning))];

    [GeneratedRegex(@"\p{L}+", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex WordToken();

    [GeneratedRegex(@"\b(?:how (?:is|are|do|does|will)\b.*\b(?:chosen|choose|elected|elect|appointed|appoint|selected|select|picked|decided)|who (?:chooses|elects|appoints|selects|picks)|\b(?:get|gets|pick|picks|choose|chooses|find|finds) (?:its|their|a|the) (?:new )?(?:chair|vice)|\bchosen\b|\belected\b|\bappointed\b)", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex HowChosen();

    [GeneratedRegex(@"\b(?:fixed|reviewed|review|term|how long|rotate\w*|permanent|re-?elect\w*|each year|annually)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Term();

    [GeneratedRegex(@"\bhow (?:often|frequently)\b|\bhow many times\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex HowOften();

    [GeneratedRegex(@"^\s*when\b|\bwhat (?:date|month|year)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex When();

    [GeneratedRegex(@"\bhow much\b(?!\s+(?:notice|time|warning|advance|lead time))|\bwhat (?:is the |'s the )?(?:amount|value|size of the budget)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex HowMuch();

    [GeneratedRegex(@"\bhow long (?:are|is|do|does|will|should)\b.*\b(?:meetings?|last)\b|\bhow long (?:do|does|will) (?:the )?meetings? (?:go on|run|take)\b|\blength of (?:the )?meetings?\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex HowLong();

    [GeneratedRegex(@"^\s*(?:does|do|is|are|can|may|will|should|must|has|have)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex YesNo();

    [GeneratedRegex(@"\b(?:what|which) days?\b|\bwhat day of the week\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex WhatDay();

    [GeneratedRegex(@"\bwhat time\b|\bwhen do(?:es)? (?:the )?meetings? start\b|\bstart time\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex WhatTime();

    [GeneratedRegex(@"^\s*where (?:are|is|do|does|will)\b.*\b(?:meet\w*|held|take place|happen)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex WherePlace();

    [GeneratedRegex(@"\b(?:if|unless|absence|absent|away|unable|can't|cannot|miss|misses|steps? in|takes? over)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Conditional();

    [GeneratedRegex(@"^\s*who\b|\bwho(?:'s| is| are)\b|\bwho (?:chairs|chaired|leads|heads|runs)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Who();

    [GeneratedRegex(@"\b(?:which|any|all|each|every|how many)\s+(?:of\s+(?:the|these|our|those)\s+)?boards\b|\bboards'|\bany of (?:these|the|our) (?:boards|groups|partnerships)\b|\b(?:which|what) (?:boards|groups|partnerships)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex AcrossBoards();

    [GeneratedRegex(@"\b(?:list|all (?:the )?members|who are (?:the |all )?(?:the )?members\b(?! of)|full membership|everyone on)", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ListAll();

    // A post is a noun phrase naming a role, not "in charge", "on the board" or "responsible for".
    [GeneratedRegex(@"^(?!(?:in |on |responsible|involved|allowed|able|eligible|entitled|members?\b|invited|expected|going|there|here|sub|board|group|committee|partnership))(?:[a-z-]+ ){0,3}[a-z-]*[a-z]$", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex PostLike();

    [GeneratedRegex(@"\b(?:current|currently|at the moment|right now|this year|names?|named|called)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex CurrentHolder();

    [GeneratedRegex(@"\bhow many\b|\bhow big\b|\bwhat size\b|\bnumber of\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex HowMany();

    // "Which councils ...?", "what organisations ...?", "who are the ...?": the answer is a list of names.
    [GeneratedRegex(@"\b(?:which|what) (?:\w+ )?(?:councils|organisations|organizations|agencies|bodies|members|partners|groups|officers|people|sectors|services|areas|authorities|representatives|roles|items|topics|documents|papers|priorities|objectives|aims|pillars|districts|boroughs)\b|\bwho (?:are|sits|attends|comes)\b|\blist\b|\bwhat are the\b|\bwho else\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex WantsList();

    [GeneratedRegex(@"\blegislation\b|\bact\b.*\bunder\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex LegislationOnly();
}
