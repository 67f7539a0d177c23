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

    private static readonly (Topic Topic, Regex Pattern)[] Intents =
    [
        (Topic.Adoption, R(@"\b(?:when|date)\b.*\b(?:terms of reference|tor|it)\b.*\b(?:agreed|approved|adopted|signed|ratified)\b|\b(?:agreed|approved|adopted|signed|ratified)\b.*\bterms of reference\b.*\bwhen\b")),
        (Topic.Review, R(@"\b(?:terms of reference|tor|these terms)\b.*\breview\w*|\breview\w*\b.*\b(?:terms of reference|tor)\b")),
        (Topic.Quorum, R(@"\bquor(?:um|ate|acy)\b|\bhow many (?:of us|members|people|councillors|reps|representatives|partners)\b.*\b(?:need|needs|have|must)\b.*\b(?:there|present|attend\w*|decide|decision|vote|quorate)\b|\bminimum (?:number|attendance)\b")),
        (Topic.Substitutes, R(@"\bsubstitut\w*|\bdeputi[sz]\w*|\bsend (?:someone|somebody|a colleague|a deputy|my (?:deputy|colleague|rep\w*))\b|\bdeputy\b(?![- ]chair)|\bproxy\b|\bstand[- ]in\b|\binstead of me\b|\bin my place\b|\balternate\b")),
        (Topic.ConflictsOfInterest, R(@"\bconflicts? of interests?\b|\bdeclar\w*\b.*\binterests?\b|\binterests?\b.*\bdeclar\w*|\bpecuniary\b|\bconflicted\b")),
        (Topic.ViceChair, R(@"\bvice[- ]?chair|\bdeputy chair|\bvice[- ]?chairman")),
        (Topic.DecisionMaking, R(@"\bcasting\b|\bvot(?:e|es|ing)\b|\bconsensus\b|\bmajority\b")),
        (Topic.Chair, R(@"\bchair(?:s|ed|ing|man|person|woman)?\b|\bwho\s+(?:runs|leads|heads|presides over|is in charge of)\s+(?:the\s+)?(?:(?!admin|secretariat|minutes|papers|agendas?)[\w-]+\s+){0,4}(?:board|group|partnership|committee|forum|meetings?|it)\b|\bwho(?:'s| is) in charge\b")),
        (Topic.Secretariat, R(@"\b(?:takes?|taking|writes?|records?|does|produces?|sends?(?:\s+out)?|circulates?|distributes?)\s+(?:the\s+)?minutes\b")),
        (Topic.MinutesDeadline, R(@"(?:\bwhen\b|\bhow (?:soon|long|quickly|many days)\b|\bdeadline\b|\btimescale\b).*\b(?:minutes|notes? of (?:the )?meetings?|meeting notes|action notes)\b|\b(?:minutes|notes? of (?:the )?meetings?|meeting notes|action notes)\b.*\b(?:when|how soon|deadline|within|due)\b")),
        (Topic.PapersDeadline, R(@"\b(?:papers?|agendas?|reports?|documents)\b.*\b(?:before|advance|ahead|in by|due|deadline|circulat\w*|sent out|come out|go out|need to be in|get them|late)\b|\b(?:papers?|agendas?)\b.*\b(?:sent|issued|distributed|published|go out|released)\b|\b(?:deadline|notice)\b.*\b(?:papers?|agendas?)\b|\bsend\w* out (?:the )?(?:papers?|agendas?)\b|\blate (?:papers?|reports?|items?)\b|\btable\b.*\blate\b|\b(?:how far ahead|how much notice|how far in advance)\b")),
        (Topic.Membership, R(@"\b(?:must|should|have to|need to|expected to|required to)\s+(?:\w+\s+)?attend\b")),
        (Topic.ScheduleMonths, R(@"\b(?:which|what) months?\b|\bmonths?\b.*\bmeet\w*|\bmeeting dates\b|\bdates? of (?:the )?meetings\b")),
        (Topic.Frequency, R(@"\bhow (?:often|frequently)\b.*\b(?:meet\w*|held|take place|convene\w*|sit)\b|\bhow many (?:times|meetings)\b|\bmeet\w*\b.*\b(?:how often|frequency)\b|\bfrequency of (?:the )?meetings\b|\bmeet\w*\s+(?:weekly|fortnightly|monthly|quarterly|annually|yearly|every|once|twice|\w+ times)")),
        (Topic.PublicAccess, R(@"\bpublic\b(?! health)(?! sector).*\b(?:attend|come|open|watch|observe|access|allowed|admitted|join|sit in|see)\b|\b(?:attend|come|watch|observe|open|closed)\b.*\bpublic\b(?! health)|\bin public\b|\bpress\b|\bobservers?\b|\bopen meetings?\b|\bmeetings? (?:open|closed)\b")),
        (Topic.Secretariat, R(@"\bsecretariat\b|\badmin\w*\b|\bclerks?\b|\bminute[- ]tak\w*|\bwho (?:services|supports|organises|organizes)\b|\bservicing\b")),
        (Topic.DecisionMaking, R(@"\bvot(?:e|es|ing)\b|\bconsensus\b|\bmajority\b|\bcasting\b|\bhow (?:are|is|do|does)\b.*\b(?:decisions?|decide)\b|\bdecisions? (?:are|is) (?:made|taken|reached)\b")),
        (Topic.Funding, R(@"\bfund\w*|\bmoney\b|\bbudgets?\b|\bfinanc\w*|\bgrants?\b|\bspend\w*|\ballocat\w*|\bpaid for\b")),
        (Topic.Accountability, R(@"\baccountab\w*|\banswer(?:able|s)? to\b|\bwho (?:does|do) (?:the |it |we )?.*\b(?:report|answer)s? to\b|\boverse\w*|\bscrutin\w*")),
        (Topic.Reporting, R(@"\breport\w*\b")),
        (Topic.Purpose, R(@"\bpurpose\b|\bmission\b|\bremit\b|\bvision\b|\baims?\b|\bobjectives?\b|\bwhat(?:'s| is| does)\b.*\b(?:for|do)\s*\??$|\bwhy does\b.*\bexist\b|\bwhat is the point\b|\bset up (?:under|for)\b|\blegislation\b")),
        (Topic.Membership, R(@"\bmembers?(?:hip)?\b|\bwho (?:sits|is|are) on\b|\bon the (?:board|group|partnership|committee|forum|panel|pag|executive|network)\b|\brepresent\w*|\bsit on\b|\bseats?\b|\battend\w*|\bsectors?\b|\bjoin\b|\bbecome a member\b")),
    ];

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
        var topic = Intents.FirstOrDefault(i => i.Pattern.IsMatch(forTopic)).Topic;
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
            : (Who().IsMatch(corrected) || corrected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4) && !Conditional().IsMatch(corrected) ? ChairAspect.Who : ChairAspect.Other;
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

    [GeneratedRegex(@"^\s*who\b|\bwho(?:'s| is| are)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Who();

    [GeneratedRegex(@"\b(?:which|any|all|each|every|how many)\s+(?:of\s+(?:the|these|our|those)\s+)?boards\b|\bboards'|\bany of (?:these|the|our) (?:boards|groups|partnerships)\b|\b(?:which|what) (?:boards|groups|partnerships)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex AcrossBoards();

    [GeneratedRegex(@"\b(?:list|all (?:the )?members|who are (?:the |all )?(?:the )?members\b(?! of)|full membership|everyone on)", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ListAll();

    // A post is a noun phrase naming a role, not "in charge", "on the board" or "responsible for".
    [GeneratedRegex(@"^(?!(?:in |on |responsible|involved|allowed|able|eligible|entitled|members?\b|invited|expected|going|there|here|sub|board|group|committee|partnership))(?:[a-z-]+ ){0,3}[a-z-]*[a-z]$", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex PostLike();

    [GeneratedRegex(@"\b(?:current|currently|at the moment|right now|name of|named|called)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex CurrentHolder();

    [GeneratedRegex(@"\bhow many\b|\bhow big\b|\bwhat size\b|\bnumber of\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex HowMany();

    // "Which councils ...?", "what organisations ...?", "who are the ...?": the answer is a list of names.
    [GeneratedRegex(@"\b(?:which|what) (?:\w+ )?(?:councils|organisations|organizations|agencies|bodies|members|partners|groups|officers|people|sectors|services|areas|authorities|representatives|roles|items|topics|documents|papers|priorities|objectives|aims|pillars|districts|boroughs)\b|\bwho (?:are|sits|attends|comes)\b|\blist\b|\bwhat are the\b|\bwho else\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex WantsList();

    [GeneratedRegex(@"\blegislation\b|\bact\b.*\bunder\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex LegislationOnly();
}
