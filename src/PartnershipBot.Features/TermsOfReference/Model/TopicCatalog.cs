using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>
/// Every topic the engine knows, defined in one place: the question wording that asks about it (with an explicit
/// priority, lowest tried first, because "who takes the minutes?" must be read as secretariat before "minutes" is read
/// as the minutes deadline), the ToR wording that settles or merely mentions it, the headings its clauses sit under,
/// the typed rule parsed from it, and how the bot names it when the ToR leaves it open. A new topic or phrasing is a
/// change here, not in the analyser, the model and the answer text. The cues describe English governance wording in
/// general, never a particular board's sentences.
/// </summary>
public static class TopicCatalog
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Each modelled topic's definition (every <see cref="Topic"/> but <see cref="Topic.General"/>).</summary>
    public static IReadOnlyDictionary<Topic, TopicDefinition> Definitions { get; } = new[]
    {
        PurposeTopic(), ChairTopic(), ViceChairTopic(), FrequencyTopic(), ScheduleMonthsTopic(), QuorumTopic(), MembershipTopic(), SubstitutesTopic(), SecretariatTopic(), PapersDeadlineTopic(), MinutesDeadlineTopic(), DecisionMakingTopic(), ConflictsOfInterestTopic(), FundingTopic(), AccountabilityTopic(), ReportingTopic(), PublicAccessTopic(), AdoptionTopic(), ReviewTopic(), DocumentDateTopic(),
    }.ToDictionary(d => d.Topic);

    /// <summary>Every topic's question cues, in the order they are tried.</summary>
    public static IReadOnlyList<(Topic Topic, QuestionCue Cue)> QuestionCues { get; } =
        [.. Definitions.Values.SelectMany(d => d.Questions.Select(q => (d.Topic, q))).OrderBy(x => x.q.Priority)];

    /// <summary>The definition of <paramref name="topic"/>, or null for <see cref="Topic.General"/>.</summary>
    public static TopicDefinition? Of(Topic topic) => Definitions.GetValueOrDefault(topic);

    private static TopicDefinition PurposeTopic() => new(Topic.Purpose, "the board's purpose")
    {
        Questions = [Q(185, R(@"\bwhat (?:does|do|will) (?:the|this|that|our|it|we)\b[^?]*\b(?:cover|deal with|look at|focus on|scrutini[sz]e|oversee|concentrate on|work on|handle)\b")), Q(210, R(@"\bpurpose\b|\bmission\b|\bremit\b|\bvision\b|\baims?\b|\bobjectives?\b|\bwhat(?:'s| is| does)\b.*\b(?:for|do)\b[\s,]*(?:basically|exactly|really|actually|then|anyway)?\s*\??$|\bwhy does\b.*\bexist\b|\bwhat(?:'s|s| is) the point\b|\bset up (?:under|for)\b|\blegislation\b"))],
        Settling = [R(@"\bpurpose\b|\bexists? to\b|\b(?:established|set up|formed|created|convened) (?:in order )?to\b|\bmission\b|\b(?:the|its|our|key|main|strategic) aims?\b|\baims? (?:of|are|is)\b|\bobjectives?\b|\bvision\b|\bremit\b")],
        Section = Section("purpose aims mission objectives vision remit functions", 3),
    };

    private static TopicDefinition ChairTopic() => new(Topic.Chair, "who the chair is")
    {
        HowChosenDescription = "how the chair is chosen",
        TermDescription = "the chair's term",
        Questions = [Q(80, R(@"\bchair(?:s|ed|ing|man|person|woman)?\b|\bwho(?:'s|\s+is)?\s+(?:runs|leads|heads|presides over|in charge of)\s+(?:the\s+)?(?:(?!admin|secretariat|minutes|papers|agendas?)[\w-]+\s+){0,4}(?:board|group|partnership|committee|forum|meetings?|it)\b|\bwho(?:'s| is) in charge\b"))],
        Settling = [TopicCues.ChairHolder(), TopicCues.ChairHolderBy(), TopicCues.ChairFromPool(), TopicCues.ChairInSignature(), TopicCues.ChairLabel(), TopicCues.ChairChosen(), TopicCues.ChairTerm()],
        Mentioning = [R(TopicCues.NotVice + @"\bchair(?:s|man|person|ed)?\b")],
        Section = Section("chair roles", 1),
    };

    private static TopicDefinition ViceChairTopic() => new(Topic.ViceChair, "who the vice-chair is")
    {
        HowChosenDescription = "how the vice-chair is chosen",
        TermDescription = "the vice-chair's term",
        Questions = [Q(60, R(@"\bvice[- ]?chair|\bdeputy chair|\bvice[- ]?chairman"))],
        Settling = [TopicCues.ViceHolder(), TopicCues.ViceFromPool(), TopicCues.ViceChosen(), TopicCues.ViceShared(), TopicCues.ViceLabel()],
        Mentioning = [R(@"\bvice[- ]?chairs?\b|\bdeputy chair")],
    };

    private static TopicDefinition FrequencyTopic() => new(Topic.Frequency, "how often the board meets")
    {
        Questions = [Q(140, R(@"\bhow (?:often|frequently)\b.*\b(?:meet\w*|held|take place|convene\w*|sit)\b|\bhow many (?:times|meetings)\b|\bmeet\w*\b.*\b(?:how often|frequency)\b|\bfrequency of (?:the )?meetings\b|\bmeet\w*\b[^?]*\b(?:more|less) (?:often|frequently)\b|\bmeet\w*\b[^?]*\b(?:more|fewer|less) than \w+ times\b|\bmeet\w*\s+(?:weekly|fortnightly|monthly|quarterly|annually|yearly|every|once|twice|\w+ times)"))],
        Settling = [R(@"\b(?:meet(?:s|ing|ings)?|convene[sd]?|occur(?:s|ring)?|held|take place|takes place|sits?)\b[^.]{0,80}\b(?:weekly|fortnightly|monthly|bi-?monthly|six-?weekly|quarterly|six-?monthly|bi-?annually|annually|yearly|twice|once|\w+\s+times|\w+\s+occasions|every\s+(?:\w+\s+)?(?:weeks?|months?))"),
            R(@"\b(?:weekly|fortnightly|monthly|bi-?monthly|quarterly|annual|regular)\b[^.]{0,40}\bmeetings?\b|\b(?:once|twice|\w+ times) (?:a|per|each|every) (?:week|month|year|quarter|(?:school )?term)\b"),
            R(@"\b(?:weekly|fortnightly|monthly|bi-?monthly|six-?weekly|quarterly)\s+meetings?\b")],
        Mentioning = [R(@"\bfrequency\b|\bhow often\b|\bforward plan of meetings\b")],
        Parse = text => MeetingFrequency.Parse(text),
    };

    private static TopicDefinition ScheduleMonthsTopic() => new(Topic.ScheduleMonths, "which months the board meets in")
    {
        Questions = [Q(130, R(@"\b(?:which|what) months?\b|\bmonths?\b.*\bmeet\w*|\bmeeting dates\b|\bdates? of (?:the )?meetings\b|\btime of (?:the )?year\b"))],
        Settling = [R(@"\bmeet(?:s|ing|ings)?\b[^.]{0,120}\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b[^.]{0,40}\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")],
        Mentioning = [R(@"\b(?:dates?|schedule|calendar|forward plan) of (?:the )?meetings\b")],
    };

    private static TopicDefinition QuorumTopic() => new(Topic.Quorum, "the quorum")
    {
        Questions = [Q(30, R(@"\bquor(?:um|ate|acy)\b|\bhow many (?:of us|members|people|councillors|reps|representatives|partners)\b.*\b(?:need|needs|have|must)\b.*\b(?:there|present|attend\w*|decide|decision|vote|quorate)\b|\bminimum attendance\b|\bminimum number\b[^?]*\b(?:present|there|attend\w*|needed|required|to (?:make|take|vote|decide|go ahead))\b|\bcan we (?:still )?(?:go ahead|proceed|carry on|start)\b|\b(?:only|just) \w+ (?:of us|people|members)\b[^?]*\b(?:turn|come|show)\w*\b"))],
        Settling = [R(@"\bquor(?:um|ate|acy)\b[^.]{0,80}\b(?:\d|(?:half|third|quarter|majority|members|one|two|three|four|five|six|seven|eight)\b)")],
        Mentioning = [R(@"\bquor(?:um|ate|acy)\b")],
        Parse = text => QuorumRule.Parse(text),
        Section = Section("quorum quoracy quorate", 2),
    };

    private static TopicDefinition MembershipTopic() => new(Topic.Membership, "that point about membership")
    {
        Questions = [Q(120, R(@"\b(?:must|should|have to|need to|expected to|required to)\s+(?:\w+\s+)?attend\b")), Q(220, R(@"\bmembers?(?:hip)?\b|\bwho (?:sits|is|are) on\b|\bwho(?:'s|s) on\b|\b(?:which|what) (?:councils?|organi[sz]ations?|orgs|agencies|partners|bodies|sectors)\b|\bon the (?:board|group|partnership|committee|forum|panel|pag|executive|network)\b|\brepresent\w*|\bsit on\b|\bseats?\b|\battend\w*|\bsectors?\b|\bjoin\b|\bbecome a member\b"))],
        Settling = [R(@"\bmembers?(?:hip)?\b|\bopen to\b|\bjoin\b|\brepresent\w*|\bsit on\b|\battend\w*|\bsectors?\b|\binvit\w*")],
        Section = Section("membership members representation attendance composition", 2),
    };

    private static TopicDefinition SubstitutesTopic() => new(Topic.Substitutes, "whether substitutes may attend")
    {
        Questions = [Q(40, R(@"\bsubstitut\w*|\bdeputi[sz]\w*|\bsend (?:someone|somebody|a colleague|a deputy|my (?:deputy|colleague|rep\w*))\b|\bdeputy\b(?![- ]chair)|\bproxy\b|\bstand[- ]in\b|\binstead of me\b|\bin my place\b|\balternate\b|\bsend (?:a |in a )?subs?\b|\b(?:someone|somebody|a colleague|another person|anyone) (?:else )?(?:from [\w\s]{1,30})?(?:go|come|attend|sit in)\b[^?]*\binstead\b"))],
        Settling = [R(@"\bsubstitut\w*|\bdeputis\w*|\bdeputiz\w*|\balternate (?:members?|representatives?|reps?)\b|\bnominated representative\b|\bsend (?:a |an )?(?:nominated )?(?:representative|deputy|substitute|alternate)\b|\bsend (?:a|an) (?:alternate|substitute|deputy|replacement)\b|\b(?:nominate|send|appoint)\w* (?:a |an )?(?:named |alternate )?deput(?:y|ies)\b|\bdeputies\b|\bdeputy (?:may|can|will|shall)\b|\b(?:send|nominate|appoint)\w*\b[^.]{0,40}\bin (?:their|his|her) absence\b|\b(?:send|arrange|nominate|provide)\w*\b[^.]{0,30}\breplacement\b[^.]{0,30}\b(?:unable|cannot|can't|absent|absence)\b")],
    };

    private static TopicDefinition SecretariatTopic() => new(Topic.Secretariat, "who provides the secretariat")
    {
        Questions = [Q(75, R(@"\b(?:takes?|taking|writes?|records?|does|produces?|sends?(?:\s+out)?|circulates?|distributes?)\s+(?:the\s+)?(?:minutes|notes)\b")), Q(160, R(@"\bsecretariat\b|\badmin\w*\b|\bclerks?\b|\bminute[- ]tak\w*|\bwho (?:services|supports|organises|organizes)\b|\bhelps? (?:to )?run\b|\bservicing\b"))],
        Settling = [R(@"\bsecretariat\b[^.]{0,60}\b(?:provided|supplied|undertaken|serviced|by)\b"), R(@"^\s*(?:secretary|secretariat|clerk|administrat\w*|support)\s*[:–]\s*\S"),
            R(@"\b(?:administrative|admin|administration|secretariat|clerking|minute[- ]taking|taking of minutes)\b[^.]{0,80}\b(?:provided|supplied|undertaken|given|done)\s+by\b"),
            R(@"\b(?:minutes|papers|agendas?)\b[^.]{0,80}\b(?:circulated|sent out|issued|distributed|prepared|taken)\b[^.]{0,60}\bby (?:the )?[A-Z]"), R(@"\b(?:provide|provided|supply|supplied|undertake)\w*\b[^.]{0,40}\b(?:administration|administrative|admin|secretariat|clerking)\b"),
            R(@"\b(?:will|shall)\s+(?:\w+\s+){0,3}(?:take|record|write up|produce|keep)\s+(?:the\s+)?(?:minutes|notes|meetings|a record)\b"),
            R(@"\bsupport(?:ed)?\b[^.]{0,30}\b(?:offered|provided|given|supplied)\s+by\b|\b(?:provide|provides|providing|supply)\b[^.]{0,30}\b(?:officer|administrative|secretariat|business) support\b|\bhost (?:authority|council|organisation|organization|agency)\b"),
            R(@"\bservicing\b[^.]{0,30}\b(?:support|will be|is)\b"), R(@"\bserviced by\b"), R(@"\bclerk(?:ed|ing)? (?:by|to the)\b|\b(?:will|shall) clerk\b|\bclerks? (?:the )?meetings?\b")],
        Mentioning = [R(@"\bsecretariat\b|\badmin\w*\b|\bpreparing agendas\b")],
        Section = Section("secretariat administration support", 2),
    };

    private static TopicDefinition PapersDeadlineTopic() => new(Topic.PapersDeadline, "how far ahead papers go out")
    {
        Questions = [Q(110, R(@"\b(?:papers?|agendas?|reports?|documents)\b.*\b(?:before|advance|ahead|in by|due|deadline|circulat\w*|sent out|come out|go out|need to be in|get them|late)\b|\b(?:papers?|agendas?)\b.*\b(?:sent|issued|distributed|published|go out|released)\b|\b(?:deadline|notice)\b.*\b(?:papers?|agendas?|reports?)\b|\bsend\w* out (?:the )?(?:papers?|agendas?)\b|\blate (?:papers?|reports?|items?)\b|\btable\b.*\blate\b|\b(?:how far ahead|how much notice|how far in advance)\b|\b(?:add|get|put|raise)\w*\b[^?]*\b(?:on|to) (?:the )?agenda\b|\bagenda items?\b[^?]*\b(?:added|submitted|raised|included)\b"))],
        Settling = [R(@"\b(?:papers?|agendas?|reports?|documents?|information)\b[^.]{0,140}\b(?:days?|weeks?|hours?)\b[^.]{0,30}\b(?:(?:before|prior to|in advance of|ahead of)\b[^.]{0,30}\bmeetings?\b|in advance\b|beforehand\b)"),
            R(@"\blate (?:papers|reports|items)\b"),
            R(@"\b(?:papers?|agendas?)\b[^.]{0,60}\b(?:circulated|distributed|sent|issued|published)\b[^.]{0,30}\b(?:in (?:line|accordance) with|as (?:required|set out) (?:by|in))\b")],
        Mentioning = [R(@"\b(?:papers?|agendas?)\b[^.]{0,60}\b(?:circulat\w*|sent|issued|published|distribut\w*)")],
        Parse = text => NoticePeriod.Parse(PapersSentence(text), beforeMeeting: true),
    };

    private static TopicDefinition MinutesDeadlineTopic() => new(Topic.MinutesDeadline, "when minutes are circulated")
    {
        Questions = [Q(100, R(@"(?:\bwhen\b|\bhow (?:soon|long|quickly|many days)\b|\bdeadline\b|\btimescale\b).*\b(?:minutes|notes? of (?:the )?meetings?|meeting notes|action notes)\b|\b(?:minutes|notes? of (?:the )?meetings?|meeting notes|action notes)\b.*\b(?:when|how soon|deadline|within|due)\b"))],
        Settling = [R(@"\b(?:minutes|notes of (?:the )?meetings?|meeting notes|action notes)\b[^.]{0,100}\b(?:within|after|following|no later than)\b[^.]{0,40}\b(?:days?|weeks?|meeting)\b"),
            R(@"\bminutes\b[^.]{0,80}\b(?:circulated|sent|distributed|issued|included)\b[^.]{0,30}\bwith (?:the|each|every) (?:next )?(?:agenda|papers)\b")],
        Mentioning = [R(@"\bminutes\b[^.]{0,60}\b(?:circulat\w*|sent|issued|published|distribut\w*)")],
        Parse = text => NoticePeriod.Parse(MinutesSentence(text), beforeMeeting: false),
    };

    private static TopicDefinition DecisionMakingTopic() => new(Topic.DecisionMaking, "how decisions are made (consensus or vote)")
    {
        Questions = [Q(70, R(@"\bcasting\b|\bvot(?:e|es|ing)\b|\bconsensus\b|\bmajority\b")), Q(170, R(@"\bvot(?:e|es|ing)\b|\bconsensus\b|\bmajority\b|\bcasting\b|\bhow (?:are|is|do|does)\b.*\b(?:decisions?|decide)\b|\bdecisions? (?:are|is) (?:made|taken|reached)\b"))],
        Settling = [R(@"\b(?:consensus|casting vote|deciding vote|second vote|equality of votes|votes (?:are )?(?:tied|equal)|unanimous(?:ly)?|unanimity|simple majority|majority (?:vote|decision|of (?:those|members|votes|the members))|show of hands|(?:put|taken|decided|determined|resolved) (?:to|by) (?:a )?vote|vot(?:e|es|ing) (?:on|by|will|shall|is)|by (?:a )?vote)\b"),
            R(@"\b(?:have|has|with|without) (?:no|a|one) vote\b|\bnon-voting\b|\bvoting (?:rights?|members?)\b|\bnot (?:to )?vote\b|\bcannot vote\b|\bentitled to vote\b")],
        Mentioning = [R(@"\bmak(?:e|es|ing) (?:its |their |all )?decisions (?:in an?|by|through|on the basis of)\b|\bdecision[- ]making\b|\bdecisions? (?:will be|are|is) (?:made|taken|reached)")],
    };

    private static TopicDefinition ConflictsOfInterestTopic() => new(Topic.ConflictsOfInterest, "how conflicts of interest are declared")
    {
        Questions = [Q(50, R(@"\bconflicts? of interests?\b|\bdeclar\w*\b.*\binterests?\b|\binterests?\b.*\bdeclar\w*|\bpecuniary\b|\bconflicted\b"))],
        Settling = [R(@"\bconflicts? of interests?\b|\bdeclar\w*\b[^.]{0,40}\binterests?\b|\bpecuniary\b|\bregister of interests\b|\binterests of (?:members|councillors)\b|\bmembers'? interests\b")],
        Mentioning = [R(@"\binterests?\b")],
    };

    private static TopicDefinition FundingTopic() => new(Topic.Funding, "funding")
    {
        Questions = [Q(180, R(@"\bfund\w*|\bmoney\b|\bbudgets?\b|\bfinanc\w*|\bgrants?\b|\bspend\w*|\ballocat\w*|\bpaid for\b"))],
        Settling = [R(@"\bfund\w*|\bbudgets?\b|\bgrants?\b|\bfinanc\w*|\bmoney\b|\bresourc\w*|\ballocat\w*")],
        Section = Section("financial funding budget resources", 2),
    };

    private static TopicDefinition AccountabilityTopic() => new(Topic.Accountability, "who the board is accountable to")
    {
        Questions = [Q(190, R(@"\baccountab\w*|\bto account\b|\banswer(?:able|s)? to\b|\bwho (?:does|do) (?:the |it |we )?.*\b(?:report|answer)s? to\b|\boverse\w*|\bscrutin\w*"))],
        Settling = [R(@"\baccountab\w*\b"), R(@"\baccountable to\b"), R(@"\bsubject to (?:\w+ )?scrutiny\b|\bscrutini[sz]ed by\b|\bheld to account by\b"), R(@"\b(?:is|are|be|remains?) accountable to\b"), R(@"\banswerable to\b"), R(@"\breport\w* to\b"), R(@"\breports? (?:[\w-]+ )?to (?:the )?[A-Z]")],
        Section = Section("accountability governance reporting", 2),
    };

    private static TopicDefinition ReportingTopic() => new(Topic.Reporting, "reporting")
    {
        Questions = [Q(200, R(@"\breport\w*\b"))],
        Settling = [R(@"\breport\w*\b"), R(@"\bsubmit\w*\b[^.]{0,40}\b(?:performance|monitoring|information|progress)\b"), R(@"\bbriefings?\b")],
        Section = Section("reporting performance monitoring", 1),
    };

    private static TopicDefinition PublicAccessTopic() => new(Topic.PublicAccess, "whether the public may attend")
    {
        Questions = [Q(150, R(@"\bpublic\b(?! health)(?! sector).*\b(?:attend|come|open|watch|observe|access|allowed|admitted|join|sit in|see|speak|address|ask questions)\b|\b(?:attend|come|watch|observe|open|closed)\b.*\bpublic\b(?! health)|\bin public\b|\bpress\b|\bobservers?\b|\b(?:residents?|local people|the community|anyone)\b[^?]*\b(?:attend|come|watch|observe|sit in)\b|\bopen meetings?\b|\bmeetings? (?:open|closed)\b"))],
        Settling = [R(@"\bopen to (?:the )?(?:members of the )?public\b|\b(?:held|meet\w*) in public\b|\bpublic (?:meetings?|access|session)\b|\bclosed to the public\b|\bpress and public\b|\bmembers of the public (?:may|can|are) (?:attend|observe)|\bin private\b|\bpublic (?:may|can) (?:attend|observe)\b")],
        Mentioning = [R(@"\bpublish\w*\b[^.]{0,40}\bwebsite\b")],
    };

    private static TopicDefinition AdoptionTopic() => new(Topic.Adoption, "when these Terms of Reference were agreed")
    {
        Questions = [Q(10, R(@"\b(?:when|date)\b.*\b(?:terms of reference|tor|it)\b.*\b(?:agreed|approved|adopted|signed|ratified)\b|\b(?:agreed|approved|adopted|signed|ratified)\b.*\bterms of reference\b.*\bwhen\b"))],
        Settling = [R(@"\b(?:agreed|approved|adopted|ratified|signed)\b[^.]{0,40}\b(?:\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|\d{1,2}/\d{1,2}/\d{2,4})")],
    };

    private static TopicDefinition ReviewTopic() => new(Topic.Review, "when these Terms of Reference are reviewed")
    {
        Questions = [Q(20, R(@"\b(?:terms of reference|tor|these terms)\b.*\b(?:review\w*|looked at again|revisit\w*|refresh\w*|updated|renewed)\b|\b(?:review\w*|revisit\w*|refresh\w*|updat\w*)\b.*\b(?:terms of reference|tor)\b"))],
        Settling = [R(@"\bterms of reference\b[^.]{0,80}\breview\w*|\breview\w*\b[^.]{0,80}\bterms of reference\b")],
    };

    private static TopicDefinition DocumentDateTopic() => new(Topic.DocumentDate, "the date of these Terms of Reference")
    {
        // "How old are these ToR?", "which year are these tor from?", "when was this version produced?". "When were they
        // agreed?" stays with adoption (tried first); "when will they be reviewed?" with review.
        Questions = [Q(15, R(@"\bhow old\b|\bhow (?:recent|up[- ]to[- ]date)\b|\b(?:what|which) (?:date|year|version|edition)\b[^?]*\b(?:terms of reference|tors?|document|these|from)\b|\bwhen (?:were|was) (?:these|the|this|our|they|it)\b[^?]*\b(?:written|produced|drawn up|put together|dated|created|issued|published|updated|last updated|revised|last changed)\b|\b(?:date|age|version) of (?:the|these|this|our) (?:terms of reference|tors?|document)\b|\b(?:terms of reference|tors?|document) (?:is |are )?dated\b"))],
        Settling =
        [
            // A title carrying its date: "Safer Town Partnership Terms of Reference 2021", "... Terms of Reference – May 2019".
            R(@"(?m)^[^.\n]{0,120}\bterms of reference\b[^.\n]{0,60}(?:" + DocumentDateText.Pattern + @"|\b(?:19|20)\d{2}\b)[^.\n]{0,40}$"),
            // A date standing alone on its line, as under a cover title: "APRIL 2018", "Date: 3 March 2020".
            R(@"(?m)^\s*(?:(?:date|dated|version[^\n]{0,12}|updated|revised|last (?:updated|revised))\s*[:–-]?\s*)?" + DocumentDateText.Pattern + @"\s*$"),
            // A version line or a label: "Version 2, updated June 2020", "Terms of Reference: April 2023". Not "agreed at the
            // meeting on 1 July 2022", which dates a decision recorded in the text, not the document.
            R(@"\b(?:version|dated|date of (?:issue|publication)|last (?:updated|revised|amended)|updated|revised|amended|issued|produced|effective (?:from|date))\b[^.\n]{0,40}?" + DocumentDateText.Pattern),
            R(@"\bterms of reference\s*[:–-]\s*" + DocumentDateText.Pattern),
        ],
        Parse = DocumentDateText.Find,
        AnswersOnlyFromSettling = true,
    };

    private static Regex R(string pattern) => TorRegex.Create(pattern, Options);

    private static QuestionCue Q(int priority, Regex pattern) => new(priority, pattern);

    private static SectionCue Section(string headingWords, int bonus) => new(Words.Keys(headingWords).ToHashSet(StringComparer.Ordinal), bonus);

    // The deadline sentence, not the whole clause: "Papers will be sent five working days before the meeting. Minutes
    // follow within ten days" holds two periods.
    private static string PapersSentence(string text) =>
        text.Split(". ").FirstOrDefault(s => PapersTiming.Any(w => s.Contains(w, StringComparison.OrdinalIgnoreCase))) ?? text;

    private static readonly string[] PapersTiming = ["before", "prior", "advance", "ahead"];

    private static string MinutesSentence(string text)
    {
        var at = MinutesWords.Match(text);
        return at.Success ? text[at.Index..] : text;
    }

    private static readonly Regex MinutesWords = R(@"\b(?:minutes|notes of (?:the )?meetings?|meeting notes|action notes)\b");
}
