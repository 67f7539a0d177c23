namespace PartnershipBot.Features.TermsOfReference.Text;

/// <summary>
/// What a question's words may match in a ToR beyond themselves: the ways members say the same thing
/// ("sign off" for approve, "police" for constabulary). Keys are <see cref="Words.Key"/> forms.
/// </summary>
public static class Lexicon
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "from", "about", "as", "into",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "doe", "does", "did", "done", "have", "has", "had",
        "i", "me", "my", "we", "us", "our", "you", "your", "it", "its", "they", "them", "their", "he", "she", "his", "her",
        "this", "that", "these", "those", "there", "here", "what", "whats", "which", "who", "whom", "whose", "when", "where",
        "why", "how", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "need", "ne", "get", "got",
        "any", "all", "some", "each", "every", "anything", "anyone", "someone", "say", "tell", "know", "please", "actually",
        "thi", "s", "t", "if", "not", "no", "yes", "so", "up", "out", "over", "under", "than", "then", "also", "just",
        "tor", "term", "reference", "doc", "document", "current", "currently", "new", "exactly", "really", "go", "goe",
        "much", "many", "often", "long", "far", "make", "mak", "like", "want", "one", "ones", "other", "after", "befor", "happen", "happens",
    };

    // Stop words are compared as keys, so their stemmed forms ("there" -> "ther") count too.
    private static readonly HashSet<string> StopKeys = new(StopWords.Concat(StopWords.Select(Words.Key)), StringComparer.Ordinal);

    private static readonly Dictionary<string, string[]> Alternatives = new(StringComparer.Ordinal)
    {
        ["police"] = ["polic", "constabulary"],
        ["polic"] = ["constabulary", "superintendent"],
        ["fire"] = ["fire", "brigad", "rescu"],
        ["council"] = ["council", "authority"],
        ["approv"] = ["agre", "sign", "endors", "ratify"],
        ["sign"] = ["agre", "approv", "endors"],
        ["amend"] = ["amend", "review"],
        ["disagre"] = ["conflict", "disput"],
        ["disput"] = ["conflict", "disagre"],
        ["resolv"] = ["resolv", "settl"],
        ["budget"] = ["fund", "financ", "resourc"],
        ["fund"] = ["budget", "financ", "grant"],
        ["legislation"] = ["act", "statutory", "law"],
        ["law"] = ["legislation", "act", "statutory"],
        ["establish"] = ["establish", "set", "constitut"],
        ["sit"] = ["sit", "represent", "member"],
        ["represent"] = ["represent", "member", "sit"],
        ["head"] = ["head", "lead", "chair"],
        ["lead"] = ["lead", "head"],
        ["brief"] = ["brief", "updat", "inform"],
        ["becom"] = ["known", "renam", "replac"],
        ["admin"] = ["secretariat", "support", "servic"],
        ["answer"] = ["accountabl", "report"],
        ["accountabl"] = ["report", "answer"],
        ["report"] = ["accountabl", "report"],
        ["meet"] = ["meet"],
        ["decid"] = ["decid", "vote"],
        ["attend"] = ["attend", "invit", "present"],
        ["defin"] = ["defin", "mean"],
        ["sector"] = ["sector", "area"],
        ["vice"] = ["vice", "deputy"],
        ["deputy"] = ["vice", "deputy"],
        ["money"] = ["fund", "grant", "budget"],
        ["final"] = ["final", "decid"],
        ["partner"] = ["partnership"],
        ["join"] = ["member", "open", "eligibl"],
        ["usual"] = ["normal", "typical"],
        ["expens"] = ["cost", "fee"],
        ["pay"] = ["cost", "meet", "fund"],
        ["extra"] = ["addition", "extraordinary", "special"],
        ["call"] = ["conven", "request", "summon"],
        ["substitut"] = ["deputy", "deputis", "alternat", "replacement", "nominee", "sub"],
        // "Can we send a sub?": the ToR says substitute or deputy.
        [Words.Key("sub")] = [Words.Key("substitute"), Words.Key("deputy")],
        [Words.Key("subs")] = [Words.Key("substitutes"), Words.Key("deputies")],
        ["big"] = ["composition", "member", "size", "number"],
        ["size"] = ["composition", "member", "number"],
        ["info"] = ["inform", "report"],
        ["pass"] = ["report", "inform"],
        ["venu"] = ["venu", "location", "hold"],
        // Members say "unis" and "uni"; ToRs say "university".
        ["uni"] = [Words.Key("university"), Words.Key("universities")],
        ["unis"] = [Words.Key("university"), Words.Key("universities")],
        // "Outside speakers", "is this group permanent?": ToRs say external, standing or task and finish.
        [Words.Key("outside")] = [Words.Key("external"), Words.Key("guest")],
        [Words.Key("permanent")] = [Words.Key("standing"), Words.Key("task"), Words.Key("finish"), Words.Key("temporary"), Words.Key("dissolve")],
        ["day"] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    };

    /// <summary>True for words that carry no meaning for matching (question words, pronouns, fillers).</summary>
    public static bool IsStop(string key) => StopKeys.Contains(key);

    /// <summary>Other keys a document may use for <paramref name="key"/>, excluding itself.</summary>
    public static IReadOnlyList<string> AlternativesFor(string key) =>
        Alternatives.TryGetValue(key, out var alternatives) ? [.. alternatives.Where(a => a != key)] : [];

    /// <summary>Phrases members use that mean one word in ToR language; applied before tokenising a question.</summary>
    public static readonly (string Phrase, string Meaning)[] Phrases =
    [
        ("set up", "established"), ("sign off", "approve"), ("signs off", "approves"), ("signed off", "approved"),
        ("final say", "final decision"), ("answer to", "accountable to"), ("in my place", "substitute"),
        // Chat drops apostrophes ("whats the quorum", "whos on it", "cant make it"); the question cues expect them.
        ("whats", "what's"), ("whos", "who's"), ("hows", "how's"), ("wheres", "where's"), ("cant", "can't"), ("dont", "don't"),
        ("doesnt", "doesn't"), ("isnt", "isn't"), ("arent", "aren't"), ("wont", "won't"),
        ("heads up", "heads"), ("a yr", "a year"), ("per yr", "per year"), ("sit on", "member of"), ("paid for", "funded"), ("in charge of", "leads"),
    ];
}
