using System.Text.RegularExpressions;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>
/// How ToR wording signals each topic. A <em>settling</em> cue states the rule ("meet 10 times per year");
/// a <em>mention</em> touches the topic without settling it ("the group will decide the frequency of its
/// meetings"), which is what the bot quotes when it says the ToR does not settle a question.
/// The cues describe English governance wording in general, never a particular board's sentences.
/// </summary>
public static partial class TopicCues
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string NotVice = @"(?<!vice[- ]?|deputy )";
    private const string Chosen = "elected|selected|appointed|chosen|nominated|agreed|decided|reviewed|rotated|responsible|required|expected|confirmed";

    private static readonly Dictionary<Topic, Regex[]> Settling = new()
    {
        [Topic.Chair] = [ChairHolder(), ChairHolderBy(), ChairFromPool(), ChairInSignature(), ChairLabel(), ChairChosen(), ChairTerm()],
        [Topic.ViceChair] = [ViceHolder(), ViceFromPool(), ViceChosen(), ViceShared(), ViceLabel()],
        [Topic.Quorum] = [R(@"\bquor(?:um|ate|acy)\b[^.]{0,80}\b(?:\d|half|third|quarter|majority|members|one|two|three|four|five|six|seven|eight)")],
        [Topic.Frequency] = [R(@"\b(?:meet(?:s|ing|ings)?|convene[sd]?|occur(?:s|ring)?|held|take place|takes place|sits?)\b[^.]{0,80}\b(?:weekly|fortnightly|monthly|bi-?monthly|six-?weekly|quarterly|six-?monthly|bi-?annually|annually|yearly|twice|once|\w+\s+times|\w+\s+occasions|every\s+(?:\w+\s+)?(?:weeks?|months?))"),
            R(@"\b(?:weekly|fortnightly|monthly|bi-?monthly|quarterly|annual|regular)\b[^.]{0,40}\bmeetings?\b|\b(?:once|twice|\w+ times) (?:a|per|each|every) (?:week|month|year|quarter)\b"),
            R(@"\b(?:weekly|fortnightly|monthly|bi-?monthly|six-?weekly|quarterly)\s+meetings?\b")],
        [Topic.ScheduleMonths] = [R(@"\bmeet(?:s|ing|ings)?\b[^.]{0,120}\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b[^.]{0,40}\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")],
        [Topic.PapersDeadline] = [R(@"\b(?:papers?|agendas?|reports?|documents?|information)\b[^.]{0,140}\b(?:days?|weeks?|hours?)\b[^.]{0,30}\b(?:(?:before|prior to|in advance of|ahead of)\b[^.]{0,30}\bmeetings?\b|in advance\b|beforehand\b)"),
            R(@"\blate (?:papers|reports|items)\b")],
        [Topic.MinutesDeadline] = [R(@"\b(?:minutes|notes of (?:the )?meetings?|meeting notes|action notes)\b[^.]{0,100}\b(?:within|after|following|no later than)\b[^.]{0,40}\b(?:days?|weeks?|meeting)\b")],
        [Topic.Secretariat] = [R(@"\bsecretariat\b[^.]{0,60}\b(?:provided|supplied|undertaken|serviced|by)\b"), R(@"^\s*(?:secretary|secretariat|clerk|administrat\w*|support)\s*[:–]\s*\S"),
            R(@"\b(?:administrative|admin|administration|secretariat|clerking|minute[- ]taking|taking of minutes)\b[^.]{0,80}\b(?:provided|supplied|undertaken|given|done)\s+by\b"),
            R(@"\b(?:minutes|papers|agendas?)\b[^.]{0,80}\b(?:circulated|sent out|issued|distributed|prepared|taken)\b[^.]{0,60}\bby (?:the )?[A-Z]"), R(@"\b(?:provide|provided|supply|supplied|undertake)\w*\b[^.]{0,40}\b(?:administration|administrative|admin|secretariat|clerking)\b"),
            R(@"\bservicing\b[^.]{0,30}\b(?:support|will be|is)\b"), R(@"\bserviced by\b"), R(@"\bclerk(?:ed|ing)? (?:by|to the)\b|\b(?:will|shall) clerk\b|\bclerks? (?:the )?meetings?\b")],
        [Topic.DecisionMaking] = [R(@"\b(?:consensus|casting vote|unanimous(?:ly)?|unanimity|simple majority|majority (?:vote|decision|of (?:those|members|votes|the members))|show of hands|(?:put|taken|decided|determined|resolved) (?:to|by) (?:a )?vote|vot(?:e|es|ing) (?:on|by|will|shall|is)|by (?:a )?vote)\b"),
            R(@"\b(?:have|has|with|without) (?:no|a|one) vote\b|\bnon-voting\b|\bvoting (?:rights?|members?)\b|\bnot (?:to )?vote\b|\bcannot vote\b|\bentitled to vote\b")],
        [Topic.ConflictsOfInterest] = [R(@"\bconflicts? of interests?\b|\bdeclar\w*\b[^.]{0,40}\binterests?\b|\bpecuniary\b|\bregister of interests\b")],
        [Topic.Substitutes] = [R(@"\bsubstitut\w*|\bdeputis\w*|\bdeputiz\w*|\balternate (?:members?|representatives?|reps?)\b|\bnominated representative\b|\bsend (?:a |an )?(?:nominated )?(?:representative|deputy|substitute|alternate)\b|\bsend (?:a|an) (?:alternate|substitute|deputy|replacement)\b|\b(?:nominate|send|appoint)\w* (?:a |an )?(?:named |alternate )?deput(?:y|ies)\b|\bdeputies\b|\bdeputy (?:may|can|will|shall)\b|\b(?:send|nominate|appoint)\w*\b[^.]{0,40}\bin (?:their|his|her) absence\b")],
        [Topic.PublicAccess] = [R(@"\bopen to (?:the )?(?:members of the )?public\b|\b(?:held|meet\w*) in public\b|\bpublic (?:meetings?|access|session)\b|\bclosed to the public\b|\bpress and public\b|\bmembers of the public (?:may|can|are) (?:attend|observe)|\bin private\b|\bpublic (?:may|can) (?:attend|observe)\b")],
        [Topic.Accountability] = [R(@"\baccountab\w*\b"), R(@"\baccountable to\b"), R(@"\b(?:is|are|be|remains?) accountable to\b"), R(@"\banswerable to\b"), R(@"\breport\w* to\b"), R(@"\breports? (?:[\w-]+ )?to (?:the )?[A-Z]")],
        [Topic.Reporting] = [R(@"\breport\w*\b"), R(@"\bsubmit\w*\b[^.]{0,40}\b(?:performance|monitoring|information|progress)\b"), R(@"\bbriefings?\b")],
        [Topic.Funding] = [R(@"\bfund\w*|\bbudgets?\b|\bgrants?\b|\bfinanc\w*|\bmoney\b|\bresourc\w*|\ballocat\w*")],
        [Topic.Purpose] = [R(@"\bpurpose\b|\bexists? to\b|\bestablished to\b|\bmission\b|\b(?:the|its|our|key|main|strategic) aims?\b|\baims? (?:of|are|is)\b|\bobjectives?\b|\bvision\b|\bremit\b")],
        [Topic.Membership] = [R(@"\bmembers?(?:hip)?\b|\bopen to\b|\bjoin\b|\brepresent\w*|\bsit on\b|\battend\w*|\bsectors?\b|\binvit\w*")],
        [Topic.Review] = [R(@"\bterms of reference\b[^.]{0,80}\breview\w*|\breview\w*\b[^.]{0,80}\bterms of reference\b")],
        [Topic.Adoption] = [R(@"\b(?:agreed|approved|adopted|ratified|signed)\b[^.]{0,40}\b(?:\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|\d{1,2}/\d{1,2}/\d{2,4})")],
    };

    private static readonly Dictionary<Topic, Regex[]> Mentioning = new()
    {
        [Topic.Chair] = [R(NotVice + @"\bchair(?:s|man|person|ed)?\b")],
        [Topic.ViceChair] = [R(@"\bvice[- ]?chairs?\b|\bdeputy chair")],
        [Topic.Quorum] = [R(@"\bquor(?:um|ate|acy)\b")],
        [Topic.Frequency] = [R(@"\bfrequency\b|\bhow often\b|\bforward plan of meetings\b")],
        [Topic.ScheduleMonths] = [R(@"\b(?:dates?|schedule|calendar|forward plan) of (?:the )?meetings\b")],
        [Topic.PapersDeadline] = [R(@"\b(?:papers?|agendas?)\b[^.]{0,60}\b(?:circulat\w*|sent|issued|published|distribut\w*)")],
        [Topic.MinutesDeadline] = [R(@"\bminutes\b[^.]{0,60}\b(?:circulat\w*|sent|issued|published|distribut\w*)")],
        [Topic.Secretariat] = [R(@"\bsecretariat\b|\badmin\w*\b|\bpreparing agendas\b")],
        [Topic.DecisionMaking] = [R(@"\bdecision[- ]making\b|\bdecisions? (?:will be|are|is) (?:made|taken|reached)")],
        [Topic.ConflictsOfInterest] = [R(@"\binterests?\b")],
        [Topic.PublicAccess] = [R(@"\bpublish\w*\b[^.]{0,40}\bwebsite\b")],
    };

    /// <summary>Sum of the settling cues' matches in <paramref name="text"/> (0 when none).</summary>
    public static int Settles(Topic topic, string text) =>
        Settling.TryGetValue(topic, out var cues) ? cues.Count(c => c.IsMatch(text)) : 0;

    /// <summary>True when <paramref name="text"/> touches <paramref name="topic"/>, settled or not.</summary>
    public static bool Mentions(Topic topic, string text) =>
        Settles(topic, text) > 0 || (Mentioning.TryGetValue(topic, out var cues) && cues.Any(c => c.IsMatch(text)));

    /// <summary>True when the text names who holds the chair (or vice-chair), not only how they are chosen.</summary>
    public static bool NamesHolder(Topic topic, string text) => topic == Topic.ViceChair
        ? ViceHolder().IsMatch(text) || ViceFromPool().IsMatch(text) || ViceShared().IsMatch(text) || ViceLabel().IsMatch(text)
        : ChairHolder().IsMatch(text) || ChairHolderBy().IsMatch(text) || ChairFromPool().IsMatch(text) || ChairInSignature().IsMatch(text) || ChairLabel().IsMatch(text);

    /// <summary>True when the text says how the chair (or vice-chair) is chosen.</summary>
    public static bool SaysHowChosen(Topic topic, string text) => topic == Topic.ViceChair ? ViceChosen().IsMatch(text) : ChairChosen().IsMatch(text);

    /// <summary>True when the text gives a term of office or review.</summary>
    public static bool GivesTerm(string text) => ChairTerm().IsMatch(text);

    /// <summary>True when the clause defers the point: "(to be confirmed)", "TBC", "to be decided".</summary>
    public static bool IsDeferred(string text) => Deferred().IsMatch(text);

    private static Regex R(string pattern) => new(pattern, Options, TorRegex.Timeout);

    // "The Chair will be ...", "The Chair of the Board is ...": the copula right after the post (and its "of the ..."),
    // so "the Chair feels need to be read" names nobody.
    [GeneratedRegex(NotVice + @"\bchair(?:man|person|woman)?\b(?:\s+(?:of|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w&-]+){0,4}?)?\s+(?:will be|shall be|is|to be|would be)\s+(?!" + Chosen + @")\w", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ChairHolder();

    [GeneratedRegex(NotVice + @"\b(?:chaired by|chair (?:will be |shall be |is )?held by|(?:act|operate|serve)s? as (?:the )?chair)\b|\bwho (?:will|shall|is to) chair\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ChairHolderBy();

    [GeneratedRegex(NotVice + @"\bchair(?:man|person)?\b[^.;]{0,40}\b(?:selected|drawn|chosen|appointed|nominated|elected)(?: by [^.,;]{1,40})? from\b|\b(?:elect|select|appoint|choose|nominate)\w* (?:a |an |the |its |their )?(?:own )?chair(?:man|person)? from\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ChairFromPool();

    // "Cllr Jane Smith, Chair, Safer Communities Board": a named holder in a report header or signature.
    [GeneratedRegex(@"\b[A-Z][\w.]+(?: [A-Z][\w.']+){1,3}, Chair(?:man|person)?\b(?:,| of)", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ChairInSignature();

    // "Chair: Cllr Priya Desai" (label-and-value lines), "Leader of the Council (Chair)", or a membership
    // table row whose role column says "Chair".
    [GeneratedRegex(NotVice + @"^\s*(?:the\s+)?chair(?:man|person)?\s*[:–]\s*\S|" + NotVice + @"\((?:the\s+)?chair(?:man|person)?\)|" + NotVice + @"–\s*chair(?:man|person)?\s*$", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ChairLabel();

    [GeneratedRegex(@"^\s*(?:the\s+)?vice[- ]?chair(?:man|person)?s?\s*[:–]\s*\S|\((?:the\s+)?vice[- ]?chair(?:man|person)?\)|–\s*vice[- ]?chair(?:man|person)?\s*$", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ViceLabel();

    [GeneratedRegex(@"\bchair(?:man|person|woman)?\b[^.]{0,60}\b(?:elect\w*|appoint\w*|select\w*|chosen|nominat\w*|rotat\w*)|\b(?:elect|appoint|select|choose|nominate)\w*\b[^.]{0,40}\bchair", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ChairChosen();

    [GeneratedRegex(NotVice + @"\bchair(?:man|person|woman)?\b[^.]{0,80}\b(?:annually|each year|every (?:\w+ )?years?|term of office|for a (?:\w+[- ](?:year|month)s?[- ])?(?:period|term)|\w+[- ]years?[- ]term|reviewed|rotat\w*)", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ChairTerm();

    [GeneratedRegex(@"\bvice[- ]?chairs?\b(?:\s+(?:of|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w&-]+){0,4}?)?\s+(?:will be|shall be|is|are|to be|would be)\s+(?!" + Chosen + @")\w", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ViceHolder();

    [GeneratedRegex(@"\bvice[- ]?chairs?\b[^.;]{0,40}\b(?:selected|drawn|chosen|appointed|nominated|elected)(?: by [^.,;]{1,40})? from\b|\b(?:elect|select|appoint|choose|nominate)\w* (?:a |an |the |its |their )?(?:own )?vice[- ]?chairs? from\b|\b(?:act|operate|serve)s? as (?:the )?vice[- ]?chair\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ViceFromPool();

    [GeneratedRegex(@"\bvice[- ]?chairs?\b[^.]{0,60}\b(?:elect\w*|appoint\w*|select\w*|chosen|nominat\w*|rotat\w*)|\b(?:elect|appoint|select|choose|nominate)\w*\b[^.]{0,40}\bvice[- ]?chair", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ViceChosen();

    // "These leads will also operate as the Chair/Vice-Chair".
    [GeneratedRegex(@"\b(?:act|operate|serve)s? as (?:the )?chair\s*/\s*vice[- ]?chair", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ViceShared();

    [GeneratedRegex(@"\(?\bto be (?:confirmed|decided|agreed|determined|appointed)\b\)?|\bTBC\b|\bTBA\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Deferred();
}
