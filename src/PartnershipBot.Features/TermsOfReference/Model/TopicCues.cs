using System.Text.RegularExpressions;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>
/// Reading ToR wording with the topics' cues (<see cref="TopicCatalog"/>). A <em>settling</em> cue states the rule ("meet 10 times per year");
/// a <em>mention</em> touches the topic without settling it ("the group will decide the frequency of its
/// meetings"), which is what the bot quotes when it says the ToR does not settle a question.
/// The cues describe English governance wording in general, never a particular board's sentences.
/// </summary>
public static partial class TopicCues
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    internal const string NotVice = @"(?<!vice[- ]?|deputy )";
    private const string Chosen = "elected|selected|appointed|chosen|nominated|agreed|decided|reviewed|rotated|responsible|required|expected|confirmed";

    /// <summary>Sum of the settling cues' matches in <paramref name="text"/> (0 when none).</summary>
    public static int Settles(Topic topic, string text) =>
        TopicCatalog.Of(topic) is { } definition ? definition.Settling.Count(c => c.IsMatch(text)) : 0;

    /// <summary>True when <paramref name="text"/> touches <paramref name="topic"/>, settled or not.</summary>
    public static bool Mentions(Topic topic, string text) =>
        Settles(topic, text) > 0 || (TopicCatalog.Of(topic) is { } definition && definition.Mentioning.Any(c => c.IsMatch(text)));

    /// <summary>True when the text names who holds the chair (or vice-chair), not only how they are chosen.</summary>
    public static bool NamesHolder(Topic topic, string text) => topic == Topic.ViceChair
        ? ViceHolder().IsMatch(text) || ViceFromPool().IsMatch(text) || ViceShared().IsMatch(text) || ViceLabel().IsMatch(text)
        : ChairHolder().IsMatch(text) || ChairHolderBy().IsMatch(text) || ChairFromPool().IsMatch(text) || ChairInSignature().IsMatch(text) || ChairLabel().IsMatch(text);

    /// <summary>
    /// True when the text says who picks the holder: "The Chair will be appointed by the LEP Board", "The Chair and
    /// Vice-Chair are elected annually by the members". Where a ToR names no holder, that is its answer to "who chairs?".
    /// </summary>
    public static bool NamesChooser(Topic topic, string text) => topic == Topic.ViceChair ? ViceChosenBy().IsMatch(text) : ChairChosenBy().IsMatch(text);

    /// <summary>True when the text says how the chair (or vice-chair) is chosen.</summary>
    public static bool SaysHowChosen(Topic topic, string text) => topic == Topic.ViceChair ? ViceChosen().IsMatch(text) : ChairChosen().IsMatch(text);

    /// <summary>True when the text gives a term of office or review.</summary>
    public static bool GivesTerm(string text) => ChairTerm().IsMatch(text);

    /// <summary>True when the clause defers the point: "(to be confirmed)", "TBC", "to be decided".</summary>
    public static bool IsDeferred(string text) => Deferred().IsMatch(text);

    // "The Chair will be ...", "The Chair of the Board is ...": the copula right after the post (and its "of the ..."),
    // so "the Chair feels need to be read" names nobody.
    [GeneratedRegex(NotVice + @"\bchair(?:man|person|woman)?\b(?:\s+(?:of|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w&-]+){0,4}?)?\s+(?:will be|shall be|is|to be|would be)\s+(?!" + Chosen + @")\w", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ChairHolder();

    [GeneratedRegex(NotVice + @"\b(?:chaired by|chair (?:will be |shall be |is )?held by|(?:act|operate|serve)s? as (?:the )?chair)\b|\bwho (?:will|shall|is to) chair\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ChairHolderBy();

    [GeneratedRegex(NotVice + @"\bchair(?:man|person)?\b[^.;]{0,40}\b(?:selected|drawn|chosen|appointed|nominated|elected)(?: by [^.,;]{1,40})? from\b|\b(?:elect|select|appoint|choose|nominate)\w* (?:a |an |the |its |their )?(?:own )?chair(?:man|person)? from\b"
        // "9 members from which a Chairman and Vice Chairman will be elected", "elect one of the Governor members as Chair".
        + @"|\bfrom (?:which|whom|among(?:st)? (?:them|whom|their number))\b[^.;]{0,20}" + NotVice + @"\bchair(?:man|person)?\b[^.;]{0,40}\b(?:will|shall|are|is) be (?:elected|appointed|selected|chosen|nominated)\b"
        + @"|\b(?:elect|select|appoint|choose|nominate)\w*\b[^.;]{0,60}\bas (?:the )?" + NotVice + @"chair(?:man|person)?\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ChairFromPool();

    // "Cllr Jane Smith, Chair, Safer Communities Board": a named holder in a report header or signature.
    [GeneratedRegex(@"\b[A-Z][\w.]+(?: [A-Z][\w.']+){1,3}, Chair(?:man|person)?\b(?:,| of)", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ChairInSignature();

    // "Chair: Cllr Priya Desai" (label-and-value lines), "Leader of the Council (Chair)", or a membership
    // table row whose role column says "Chair".
    [GeneratedRegex(NotVice + @"^\s*(?:the\s+)?chair(?:man|person)?\s*[:–]\s*\S|" + NotVice + @"\((?:the\s+)?(?:(?!vice|deputy)[\w-]+\s+){0,3}chair(?:man|person|woman)?\)|" + NotVice + @"–\s*chair(?:man|person)?\s*(?:$|[\n;])|\b(?:independent|lay) chair(?:man|person)?\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ChairLabel();

    [GeneratedRegex(@"^\s*(?:the\s+)?vice[- ]?chair(?:man|person)?s?\s*[:–]\s*\S|\((?:the\s+)?(?:[\w-]+\s+){0,2}?(?:vice[- ]?|deputy\s+)chair(?:man|person|woman)?\)|–\s*vice[- ]?chair(?:man|person)?\s*(?:$|[\n;])", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ViceLabel();

    // The post as the subject of a passive choice with its agent: "chair ... will (also) be appointed (annually) by".
    private const string ChosenByAgent = @"(?:\s+and\s+(?:the\s+)?(?:vice|deputy)[- ]?chair(?:man|person)?s?)?(?:\s+(?:of|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w&-]+){0,4}?)?\s+(?:will|shall|is to|are to|is|are|to)\s+(?:(?:be|also|normally|usually|then|each)\s+){0,3}(?:elected|appointed|selected|chosen|nominated)\s+(?:(?:annually|each year|every year|yearly|from time to time|for a [\w-]+ (?:term|period))\s+)?by\b";

    [GeneratedRegex(NotVice + @"\bchair(?:man|person|woman)?\b" + ChosenByAgent, Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ChairChosenBy();

    [GeneratedRegex(@"\b(?:vice|deputy)[- ]?chair(?:man|person|woman)?s?\b" + ChosenByAgent, Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ViceChosenBy();

    [GeneratedRegex(@"\bchair(?:man|person|woman)?\b[^.]{0,60}\b(?:elect\w*|appoint\w*|select\w*|chosen|nominat\w*|rotat\w*)|\b(?:elect|appoint|select|choose|nominate)\w*\b[^.]{0,40}\bchair", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ChairChosen();

    [GeneratedRegex(NotVice + @"\bchair(?:man|person|woman)?\b[^.]{0,80}\b(?:annually|each year|every (?:\w+ )?years?|term of office|for a (?:\w+[- ](?:year|month)s?[- ])?(?:period|term)|\w+[- ]years?[- ]term|reviewed|rotat\w*)", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ChairTerm();

    [GeneratedRegex(@"\bvice[- ]?chairs?\b(?:\s+(?:of|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w&-]+){0,4}?)?\s+(?:will be|shall be|is|are|to be|would be)\s+(?!" + Chosen + @")\w", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ViceHolder();

    [GeneratedRegex(@"\bvice[- ]?chairs?\b[^.;]{0,40}\b(?:selected|drawn|chosen|appointed|nominated|elected)(?: by [^.,;]{1,40})? from\b|\b(?:elect|select|appoint|choose|nominate)\w* (?:a |an |the |its |their )?(?:own )?vice[- ]?chairs? from\b|\bfrom (?:which|whom|among(?:st)? (?:them|whom|their number))\b[^.;]{0,60}\bvice[- ]?chair(?:man|person)?\b[^.;]{0,10}\b(?:will|shall|are|is) be (?:elected|appointed|selected|chosen|nominated)\b|\b(?:act|operate|serve)s? as (?:the )?vice[- ]?chair\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ViceFromPool();

    [GeneratedRegex(@"\bvice[- ]?chairs?\b[^.]{0,60}\b(?:elect\w*|appoint\w*|select\w*|chosen|nominat\w*|rotat\w*)|\b(?:elect|appoint|select|choose|nominate)\w*\b[^.]{0,40}\bvice[- ]?chair", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ViceChosen();

    // "These leads will also operate as the Chair/Vice-Chair".
    [GeneratedRegex(@"\b(?:act|operate|serve)s? as (?:the )?chair\s*/\s*vice[- ]?chair", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    internal static partial Regex ViceShared();

    [GeneratedRegex(@"\(?\bto be (?:confirmed|decided|agreed|determined|appointed)\b\)?|\bTBC\b|\bTBA\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Deferred();
}
