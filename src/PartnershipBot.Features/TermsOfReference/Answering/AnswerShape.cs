using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// Whether a passage has the kind of answer a question's wording asks for: a "who" question needs a person,
/// post or body; "how many" a number; "when" a date or rate; "how often" a rate. A passage that shares the
/// question's words but not its answer's shape does not answer it. Patterns are non-backtracking: passage text
/// comes from uploaded documents.
/// </summary>
public static partial class AnswerShape
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>True when <paramref name="text"/> can answer a question expecting <paramref name="expected"/>.</summary>
    public static bool Fits(ExpectedAnswer expected, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return expected switch
        {
            ExpectedAnswer.When => DateLike().IsMatch(text) || RateLike().IsMatch(text) || ClockTime().IsMatch(text) || Weekday().IsMatch(text) || Relative().IsMatch(text),
            ExpectedAnswer.HowOften => MeetingFrequency.Rate(text) is not null || RateLike().IsMatch(text),
            ExpectedAnswer.Where => PlaceLike().IsMatch(text),
            ExpectedAnswer.Day => Weekday().IsMatch(text),
            ExpectedAnswer.HowMuch => Amount().IsMatch(text),
            ExpectedAnswer.Duration => Length().IsMatch(text),
            ExpectedAnswer.Time => ClockTime().IsMatch(text),
            ExpectedAnswer.HowMany => Count().IsMatch(text),
            ExpectedAnswer.Who => NamesSomeone(text),
            _ => true,
        };
    }

    /// <summary>True when the text names a person, a post or a body (a capitalised name past its first word, or a role noun).</summary>
    public static bool NamesSomeone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RoleNoun().IsMatch(text) || CapitalisedAfterStart().IsMatch(text);
    }

    /// <summary>True when the text names a person ("Cllr Jane Smith", "John Chesworth").</summary>
    public static bool NamesPerson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PersonName().IsMatch(text);
    }

    // A title and a name, or two capitalised words that are not a role or a body ("John Chesworth", not "Deputy Chair").
    [GeneratedRegex(@"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Revd)\.? [A-Z][a-z]+|\b(?!(?:The|This|Chair|Vice|Deputy|Elected|Mayor|Independent|Senior|Council|County|City|Borough|District|Board|Police|Chief|Head|Director|Assistant|Member|Members|Town|Group|Partnership|Committee|Leader|Service|Officer|Manager|Executive|Lead|Community|Safety|Public|Local|National|Health|Commissioner)\b)[A-Z][a-z]+ (?!(?:Council|County|City|Borough|District|Board|Police|Group|Partnership|Committee|Service|Officer|Manager|Trust|Partnership|Constabulary|Authority|Chair|Leader|Team|Forum|Mayor|Member|Members|Director|Programme)\b)[A-Z][a-z]{2,}\b", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|annual(?:ly)?|each year|every (?:\w+ )?(?:years?|months?|weeks?)|quarter(?:ly)?)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\b(?:within|after|before|prior to|in advance|following|no later than|at least|as soon as)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Relative();

    [GeneratedRegex(@"£\s?\d|\b\d[\d,.]*\s*(?:k|m|million|thousand|pounds|per cent|percent)\b|\d\s*%", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(?:\d+|one|two|three|four|five|six|half an?|an?)(?: and (?:a )?half)? (?:hours?|minutes|mins)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Length();

    [GeneratedRegex(@"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b(?:morning|afternoon|evening|lunchtime|noon)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|half|third|thirds|quarter|majority|all)\b|%", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Count();

    // A venue: "at St Ambrose's Social Club", "in the Council Chamber", "online via Microsoft Teams".
    [GeneratedRegex(@"\bat (?:the )?[A-Z][a-z]+|\b(?:venue|online|virtual\w*|Microsoft Teams|Zoom|centre|center|hall|offices|room|town hall|civic|club|library|premises|location|chamber|chambers|building|house|station|school(?!\s+(?:terms?|years?|holidays?)))\b", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex PlaceLike();

    [GeneratedRegex(@"\b(?:times|each meeting|every meeting|regularly|termly|(?:a|per|each) (?:school )?term|weekly|fortnightly|monthly|bi-?monthly|quarterly|annual|annually|yearly|biennially|every (?:\w+ )?(?:years?|months?|weeks?)|each year|per year|a year|per annum|\d+ ?-?monthly|six-?weekly)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex RateLike();

    [GeneratedRegex(@"\b(?:chair\w*|vice|deputy|secretar\w*|clerk|officer|manager|director|head|lead|leader|member|members|councillors?|cllr|council|commissioner|chief|superintendent|inspector|police|constabulary|nhs|service|services|authority|board|committee|partnership|group|panel|team|administrator|coordinator|co-ordinator|representatives?|partners?|organisations?|agenc\w+|executive|mayor|cabinet|portfolio holder|residents?|everyone|anyone|nominee|substitute)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex RoleNoun();

    [GeneratedRegex(@"\S\s+[A-Z][a-z]+", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex CapitalisedAfterStart();
}
