using PartnershipBot.Features.TermsOfReference.Parsing;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>
/// Everything PartnershipBot knows about one board's ToR: the parsed clauses, quotable passages, a term
/// index over them, and the structured fields (chair, quorum, deadlines, ...) each tied to its clauses.
/// Built once per document version; answering reads it without further parsing.
/// </summary>
public sealed partial class TermsOfReferenceModel
{
    private static readonly Topic[] ModelledTopics = [.. Enum.GetValues<Topic>().Where(t => t != Topic.General)];
    private readonly Dictionary<string, int> documentFrequency;
    private readonly Dictionary<(Topic Topic, int Passage), int> settleScores = [];

    private TermsOfReferenceModel(TorDocument document, BoardIdentity identity, List<TorPassage> passages)
    {
        Document = document;
        Identity = identity;
        Passages = passages;
        documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in passages.Where(p => !p.IsList).SelectMany(p => p.Keys))
        {
            documentFrequency[key] = documentFrequency.GetValueOrDefault(key) + 1;
        }

        Vocabulary = new HashSet<string>(document.Clauses.SelectMany(c => Words.Tokenize(c.Text)), StringComparer.Ordinal);
        Facts = ModelledTopics.ToDictionary(t => t, ExtractFact);
        Acronyms = FindAcronyms(document);
        HeadingKeys = new HashSet<string>(passages.SelectMany(p => p.HeadingKeys), StringComparer.Ordinal);
        MembershipPassages = [.. passages.Where(p => TopicCues.Mentions(Topic.Membership, p.Text) || SectionBonus(Topic.Membership, p) > 0)];
        Quorum = FirstTyped<QuorumRule>(Topic.Quorum);
        PapersDeadline = FirstTyped<NoticePeriod>(Topic.PapersDeadline);
        MinutesDeadline = FirstTyped<NoticePeriod>(Topic.MinutesDeadline);
        Frequency = FirstTyped<MeetingFrequency>(Topic.Frequency);
        DocumentDate = FirstTyped<string>(Topic.DocumentDate);
    }

    /// <summary>The parsed document.</summary>
    public TorDocument Document { get; }

    /// <summary>The board's name, locality and aliases.</summary>
    public BoardIdentity Identity { get; }

    /// <summary>Quotable passages in document order.</summary>
    public IReadOnlyList<TorPassage> Passages { get; }

    /// <summary>Every surface word of the document (for typo correction).</summary>
    public IReadOnlySet<string> Vocabulary { get; }

    /// <summary>Every key used in a heading (a question may name a section: "what is the exit clause?").</summary>
    public IReadOnlySet<string> HeadingKeys { get; }

    /// <summary>Acronyms of the document's capitalised names ("ccg" → "Clinical Commissioning Group"), for questions that abbreviate.</summary>
    public IReadOnlyDictionary<string, string> Acronyms { get; }

    /// <summary>Passages about who the members are: membership sections and clauses naming members or representatives.</summary>
    public IReadOnlyList<TorPassage> MembershipPassages { get; }

    /// <summary>The structured fields.</summary>
    public IReadOnlyDictionary<Topic, TorFact> Facts { get; }

    /// <summary>The quorum as a computable rule, when stated.</summary>
    public QuorumRule? Quorum { get; }

    /// <summary>How far ahead papers go out, when stated.</summary>
    public NoticePeriod? PapersDeadline { get; }

    /// <summary>How soon minutes follow, when stated.</summary>
    public NoticePeriod? MinutesDeadline { get; }

    /// <summary>How often the board meets, when stated.</summary>
    public MeetingFrequency? Frequency { get; }

    /// <summary>The date the document carries ("June 2022"), as written, when it has one.</summary>
    public string? DocumentDate { get; }

    private Dictionary<string, string> FindAcronyms(TorDocument document)
    {
        var acronyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var clause in document.Clauses)
        {
            foreach (System.Text.RegularExpressions.Match name in CapitalisedName().Matches(clause.Text))
            {
                // "Westleigh Clinical Commissioning Group" is also "CCG": every tail of the name counts.
                var words = name.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (var start = 0; start < words.Length - 1; start++)
                {
                    var tail = words[start..];
                    var initials = string.Concat(tail.Where(w => char.IsUpper(w[0])).Select(w => char.ToLowerInvariant(w[0])));
                    if (initials.Length >= 2 && char.IsUpper(tail[0][0]) && !Vocabulary.Contains(initials))
                    {
                        acronyms.TryAdd(initials, string.Join(' ', tail));
                    }
                }
            }
        }

        return acronyms;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[A-Z][a-z]+(?:\s+(?:and\s+|of\s+(?:the\s+)?|for\s+(?:the\s+)?)?[A-Z][a-z]+){1,5}\b", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex CapitalisedName();

    /// <summary>The topic's typed rule (its catalogue parser) from the best stated clause that yields one.</summary>
    private T? FirstTyped<T>(Topic topic)
        where T : class =>
        Facts[topic].Status == FactStatus.Stated && TopicCatalog.Of(topic)?.Parse is { } parse
            ? Facts[topic].Evidence.Select(p => parse(p.Text) as T).FirstOrDefault(r => r is not null)
            : null;

    /// <summary>Parses and models a ToR's text.</summary>
    public static TermsOfReferenceModel Build(string sourceName, string text, string? boardName = null)
    {
        var document = TorTextParser.Parse(sourceName, text);
        var identity = BoardIdentity.From(document, Path.GetFileNameWithoutExtension(sourceName));
        if (!string.IsNullOrWhiteSpace(boardName))
        {
            var aliases = new HashSet<string>(identity.AliasKeys, StringComparer.Ordinal);
            aliases.UnionWith(Words.Keys(boardName).Where(k => !Lexicon.IsStop(k)));
            identity = identity with { Name = boardName, AliasKeys = aliases };
        }

        return new TermsOfReferenceModel(document, identity, TorPassage.Build(document));
    }

    /// <summary>Inverse document frequency of a key over this document's clauses (rare words weigh more).</summary>
    public double Idf(string key)
    {
        var n = Passages.Count;
        var df = documentFrequency.GetValueOrDefault(key);
        return Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
    }

    /// <summary>True when some clause uses <paramref name="key"/>.</summary>
    public bool Contains(string key) => documentFrequency.ContainsKey(key);

    /// <summary>How many of the topic's settling cues the passage matches (computed once, at build).</summary>
    public int SettleScore(Topic topic, TorPassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return settleScores.TryGetValue((topic, passage.Id), out var score) ? score : 0;
    }

    /// <summary>
    /// A contents entry or a title left standing as an item ("B. Code of Conduct &amp; Declaration of Interests") names a
    /// topic but settles nothing about it. Who holds a post or sits on the board can be a bare name, so those topics keep it.
    /// </summary>
    /// <param name="topic">The topic asked about.</param>
    /// <param name="passage">The passage weighed.</param>
    public static bool NamesOnly(Topic topic, TorPassage passage) =>
        // A cover title is where a document's date usually stands.
        topic is not (Topic.Membership or Topic.Chair or Topic.ViceChair or Topic.Secretariat or Topic.DocumentDate)
        && passage.IsTitleOnly
        // Under the topic's own heading a short line is its content ("Mission Statement" / "Making Thurrock Safer").
        && SectionBonus(topic, passage) == 0;

    private TorFact ExtractFact(Topic topic)
    {
        foreach (var passage in Passages)
        {
            var cues = TopicCues.Settles(topic, InTopicContext(topic, passage));
            if (cues > 0 && !NamesOnly(topic, passage) && !(topic == Topic.Frequency && OnlyAnotherBodysMeetings(passage.Text)))
            {
                settleScores[(topic, passage.Id)] = cues;
            }
        }

        var settling = Passages
            .Select(p => (Passage: p, Score: SettleScore(topic, p) + SectionBonus(topic, p)))
            // A clause under a "Purpose" or "Mission Statement" heading states the purpose whatever its wording.
            .Where(x => SettleScore(topic, x.Passage) > 0 || (topic == Topic.Purpose && x.Score > 0))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Passage.IsList ? 1 : 0)
            .Select(x => x.Passage)
            .ToList();
        var stated = settling.Where(p => Sentences(InTopicContext(topic, p)).Any(s => (TopicCues.Settles(topic, s) > 0 || topic == Topic.Purpose) && !TopicCues.IsDeferred(s))).ToList();
        if (stated.Count > 0)
        {
            return new TorFact(topic, FactStatus.Stated, stated);
        }

        var mentions = settling.Concat(Passages.Where(p => !p.IsList && TopicCues.Mentions(topic, p.Text))).Distinct().ToList();
        var status = mentions.Count == 0 ? FactStatus.NotStated
            : mentions.Any(p => TopicCues.IsDeferred(InTopicContext(topic, p))) ? FactStatus.Deferred
            : FactStatus.Mentioned;
        return new TorFact(topic, status, mentions);
    }

    /// <summary>
    /// A sub-group's ToR that mentions "the quarterly Board meetings" says how often the parent board meets, not how often
    /// the sub-group does: a rate that only ever qualifies another named body's meetings does not settle the frequency.
    /// </summary>
    private bool OnlyAnotherBodysMeetings(string text)
    {
        var rated = RatedBodyMeetings().Matches(text);
        if (rated.Count == 0 || MeetVerb().IsMatch(RatedBodyMeetings().Replace(text, string.Empty)))
        {
            return false;
        }

        return rated.All(m => !Words.Keys(m.Groups["body"].Value).Any(Identity.AliasKeys.Contains));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:weekly|fortnightly|monthly|bi-?monthly|six-?weekly|quarterly|annual|six-?monthly)\s+(?<body>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+meetings?\b", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex RatedBodyMeetings();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:meet|meets|meeting|meetings|convene[sd]?)\b[^.]{0,60}\b(?:weekly|fortnightly|monthly|quarterly|annually|times|every|once|twice)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex MeetVerb();

    /// <summary>
    /// The passage read with its own heading when that heading names the topic: in "F. When is a meeting quorate?"
    /// followed by "When 3 Partnership Members are present." the answer settles the quorum only with its heading.
    /// </summary>
    private static string InTopicContext(Topic topic, TorPassage passage)
    {
        var headings = passage.Anchor.HeadingPath;
        return headings.Count > 0 && !passage.Text.Contains(headings[^1], StringComparison.Ordinal) && TopicCues.Mentions(topic, headings[^1])
            && !NamesAnotherSubject(topic, headings[^1])
            ? headings[^1].TrimEnd('?', ':', '.') + ": " + passage.Text
            : passage.Text;
    }

    /// <summary>A clause under a heading about the topic ("Membership", "Financial Arrangements") counts for more.</summary>
    public static int SectionBonus(Topic topic, TorPassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var headings = passage.HeadingKeys;
        if (topic == Topic.Purpose && passage.Anchor.HeadingPath.Count > 0 && RoleOfTheBody().IsMatch(passage.Anchor.HeadingPath[^1]))
        {
            return 3;
        }

        return TopicCatalog.Of(topic)?.Section is { } section && headings.Overlaps(section.HeadingKeys) ? section.Bonus : 0;
    }

    /// <summary>Splits a passage into sentences (". " boundaries, and list separators).</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split([". ", "; "], StringSplitOptions.RemoveEmptyEntries);
    }

    // A heading naming two subjects ("Meetings and Quorum") does not say which one a clause under it settles; "Scope and
    // purpose" names one subject twice.
    private static bool NamesAnotherSubject(Topic topic, string heading) =>
        TwoSubjects().Split(heading).Any(part => !TopicCues.Mentions(topic, part) && SubjectWord().IsMatch(part));

    [System.Text.RegularExpressions.GeneratedRegex(@"\s(?:and|&)\s", System.Text.RegularExpressions.RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex TwoSubjects();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:meetings?|frequency|membership|members|attendance|chair\w*|papers|agendas?|minutes|decisions?|voting|reporting|funding|finance|quor\w+|substitut\w+|secretariat|conduct|interests)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex SubjectWord();

    // "Role of the Forum", "Functions of the Board": what the body is for, as opposed to members' roles.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\d[\d.]*\s+)?(?:(?:the\s+)?(?:role|functions?|purpose|remit)\s+of\s+the\b|why\s+(?:we|it|the\s+\w+)\s+exists?\b|what\s+(?:we|it)\s+(?:are|is)\s+for\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex RoleOfTheBody();
}
