using System.Globalization;
using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Parsing;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>
/// A board's name as the ToR gives it, the place it serves (from the councils and boroughs the text
/// names) and the words members use for it, including acronyms ("CSP" for Community Safety Partnership).
/// </summary>
/// <param name="Name">Display name, with the locality prefixed when the title lacks it.</param>
/// <param name="Title">The title as the document writes it.</param>
/// <param name="Locality">The town, city or borough, when the document reveals one.</param>
/// <param name="AliasKeys">Match keys (words and acronyms) that refer to this board.</param>
/// <param name="Clause">The clause the title came from.</param>
public sealed partial record BoardIdentity(string Name, string Title, string? Locality, IReadOnlySet<string> AliasKeys, TorClause? Clause)
{
    private static readonly string[] BodyNouns = ["board", "partnership", "group", "pag", "committee", "forum", "panel", "executive", "network", "alliance", "assembly", "commission", "trust", "subgroup", "subcommittee", "hub"];

    /// <summary>Reads the identity from a parsed document; <paramref name="fallbackName"/> when no title is found.</summary>
    public static BoardIdentity From(TorDocument document, string fallbackName)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (title, clause, score) = FindTitle(document);
        // Never the file name when the text names the body: a title that names a body, else the body the text names
        // most, else the document's own bare label ("Districts Terms of Reference"), else a tidied file name.
        if (title is null || score <= 2)
        {
            title = MostNamedBody(document) ?? title ?? TidyFileName(fallbackName);
        }

        var locality = FindLocality(document, title);
        // "Community Safety Partnership" needs its place to be told apart; "Orbis Public Law Joint Committee" does not.
        var name = locality is null || title.Contains(locality.Split(' ')[0], StringComparison.OrdinalIgnoreCase) || !StartsGeneric(title)
            ? title : $"{locality.Split(' ')[0]} {title}";
        var aliases = new HashSet<string>(Words.Keys(name).Where(k => !Lexicon.IsStop(k)), StringComparer.Ordinal);
        if (locality is not null)
        {
            aliases.UnionWith(Words.Keys(locality).Where(k => !Lexicon.IsStop(k)));
        }

        foreach (var acronym in Acronyms(title))
        {
            aliases.Add(acronym);
        }

        return new BoardIdentity(name, title, locality, aliases, clause);
    }

    private static readonly HashSet<string> GenericOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "community", "communities", "safer", "safety", "stronger", "local", "strategic", "strategy", "health", "wellbeing", "children",
        "childrens", "adults", "adult", "youth", "cohesion", "partnership", "board", "district", "districts", "domestic", "neighbourhood",
        "neighbourhoods", "joint", "executive", "crime", "town", "city", "county", "borough", "safeguarding", "the", "lsp", "csp", "pag",
    };

    // Words that say what kind of council or meeting is meant, never where: "Annual Council", "Youth Council".
    private static readonly HashSet<string> CouncilKinds = new(StringComparer.Ordinal)
    {
        "Annual", "Membership", "Youth", "Parish", "Town", "Community", "Full", "Local", "Joint", "Advisory", "Executive", "Student",
        "School", "Schools", "Members", "Special", "Ordinary", "Extraordinary", "Governing", "Partnership", "The", "This", "Each",
    };

    private static bool StartsGeneric(string title) => GenericOpeners.Contains(title.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);

    /// <summary>"07_kitchener-safe-healthy-committee.txt" → "Kitchener Safe Healthy Committee": the last resort, never shown raw.</summary>
    private static string TidyFileName(string fileName)
    {
        var words = Regex.Replace(fileName, @"^[\d_\-\s]+", string.Empty, RegexOptions.NonBacktracking).Replace('_', ' ').Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tidy = string.Join(' ', words.Select(w => w.Length <= 3 && w.Any(char.IsDigit) ? w.ToUpperInvariant() : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)));
        return tidy.Length > 0 ? tidy : fileName;
    }

    /// <summary>The capitalised body name ("Leyland Town Deal Board") the text uses most, when its title names none.</summary>
    private static string? MostNamedBody(TorDocument document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var clause in document.Clauses)
        {
            foreach (Match match in NamedBody().Matches(clause.Text))
            {
                var name = Regex.Replace(match.Value, @"^The\s+", string.Empty, RegexOptions.NonBacktracking);
                // "Chief Executive" is a post, not a body.
                if (name.Split(' ').Length < 2 || !HasBodyNoun(name))
                {
                    continue;
                }

                counts[name] = counts.GetValueOrDefault(name) + 1 + (clause.Index < 5 ? 1 : 0);
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Length).First().Key;
    }

    [GeneratedRegex(@"\b(?:The\s+)?[A-Z][\w&]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&]*){0,6}\s+(?:Board|Partnership|Group|Sub-Group|Subgroup|Committee|Sub-Committee|Forum|Panel|Executive|Network|Alliance|Assembly|Commission)s?\b", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex NamedBody();

    private static (string? Title, TorClause? Clause, double Score) FindTitle(TorDocument document)
    {
        (string Title, TorClause Clause, double Score)? best = null;
        // Title lines are often run together with "Terms of Reference" and a version line, so the first few
        // clauses count whatever the parser made of them.
        foreach (var clause in document.Clauses.Where(c => c.Kind is ClauseKind.Heading or ClauseKind.Paragraph || c.Index < 4))
        {
            // "SHCAC - 2014-04-03 - Policy I-125 - Safe & Healthy Community Advisory Committee - Terms of Reference":
            // the part that names a body.
            var text = clause.Text.Split([" - ", " – ", " — "], StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } parts
                && parts.FirstOrDefault(p => HasBodyNoun(p) && IsTitleCase(Regex.Replace(p, @"\bTerms of Reference\b", string.Empty, RegexOptions.IgnoreCase | RegexOptions.NonBacktracking))) is { } named
                ? named.Trim()
                : clause.Text;
            var trailingTitle = TitleAfterTermsOfReference().Match(text);
            var explicitTitle = TitleBeforeTermsOfReference().Match(text);
            // "These terms of reference should be read with ...", "The Committee's terms of reference may be amended":
            // a sentence about the document, not its title.
            if (explicitTitle.Success && ContinuesAsSentence().IsMatch(text[explicitTitle.Length..]))
            {
                explicitTitle = Match.Empty;
            }

            double score;
            string candidate;
            if (explicitTitle.Success && HasBodyNoun(explicitTitle.Groups[1].Value) && IsTitleCase(explicitTitle.Groups[1].Value))
            {
                candidate = explicitTitle.Groups[1].Value;
                score = 6;
            }
            else if (explicitTitle.Success && clause.Index < 3 && IsTitleCase(explicitTitle.Groups[1].Value) && !explicitTitle.Groups[1].Value.Contains(" - ", StringComparison.Ordinal))
            {
                // "Districts Terms of Reference": the document's own label for the body, even without "board" or "group".
                candidate = explicitTitle.Groups[1].Value;
                score = 2;
            }
            else if (trailingTitle.Success && HasBodyNoun(trailingTitle.Groups[1].Value) && IsTitleCase(trailingTitle.Groups[1].Value))
            {
                // "Terms of Reference for Strategic Partnerships" may head a series: a body's own name on an early line wins.
                candidate = trailingTitle.Groups[1].Value;
                score = 3.5;
            }
            // A numbered line heads a section ("1. Role of the Advisory Group"); a title is not numbered.
            else if (clause.Index < 12 && clause.Number is null && text.Split(' ').Length <= 12 && HasBodyNoun(text) && !text.Contains(':', StringComparison.Ordinal)
                && !text.StartsWith("Terms of Reference", StringComparison.OrdinalIgnoreCase) && !text.EndsWith('.'))
            {
                candidate = text;
                score = 4 - (clause.Index / 4.0);
            }
            else
            {
                continue;
            }

            // A bare "Board" or "Terms of Reference" names nothing.
            if (Tidy(candidate).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < (score == 2 ? 1 : 2))
            {
                continue;
            }

            if (best is null || score > best.Value.Score)
            {
                best = (Tidy(candidate), clause, score);
            }
        }

        return best is null ? (null, null, 0) : (best.Value.Title, best.Value.Clause, best.Value.Score);
    }

    private static bool IsTitleCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).ToList();
        return words.Count > 0 && words.All(w => char.IsUpper(w[0]));
    }

    // "Chief Executive – Chair" names a post: "executive" after "chief" is not a body.
    private static bool HasBodyNoun(string text)
    {
        var tokens = Words.Tokenize(text).ToList();
        return tokens.Where((token, i) => IsBodyNoun(token) && !(token == "executive" && i > 0 && tokens[i - 1] == "chief")).Any();
    }

    /// <summary>True for words that name a kind of body ("board", "partnership", "forum") rather than a board.</summary>
    public static bool IsBodyNoun(string token) => BodyNouns.Contains(token) || BodyNouns.Contains(Words.Stem(token));

    private static string Tidy(string title)
    {
        var trimmed = TitleNoise().Replace(AppendixLabel().Replace(title, string.Empty), " ");
        trimmed = TrailingDate().Replace(trimmed, string.Empty).Trim(' ', '-', '–', ':', ',');
        trimmed = Regex.Replace(trimmed, @"\s+", " ", RegexOptions.NonBacktracking);
        var isShouting = !trimmed.Any(char.IsLower);
        return isShouting ? TitleCase(trimmed) : trimmed;
    }

    private static string TitleCase(string text)
    {
        var small = new HashSet<string>(["and", "of", "the", "for", "in", "on", "to"], StringComparer.OrdinalIgnoreCase);
        var words = text.ToLowerInvariant().Split(' ');
        return string.Join(' ', words.Select((w, i) => i > 0 && small.Contains(w) ? w : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)));
    }

    /// <summary>The place most often named as a council, borough or city in the text.</summary>
    private static string? FindLocality(TorDocument document, string title)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var clause in document.Clauses)
        {
            foreach (Match match in PlaceName().Matches(clause.Text))
            {
                // "the Annual Council Meeting", "Membership Council", "Rogiet Community Council": the words before "Council"
                // that name a kind of council, not a place, are dropped; nothing left, no place.
                var words = (match.Groups[1].Success ? match.Groups[1] : match.Groups[2]).Value.Trim()
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !CouncilKinds.Contains(w)).ToList();
                if (words.Count == 0 || words.All(w => w is "upon" or "on" or "and"))
                {
                    continue;
                }

                var place = string.Join(' ', words);
                // "Leeds City Council" says more about the place than "Racial Equality Council".
                var weight = match.Groups[1].Success || match.Groups[3].Success ? 2 : 1;
                counts[place] = counts.GetValueOrDefault(place) + weight;
            }
        }

        // A place the title itself names wins ("Harlow Vale LSP" with "Essex County Council" among the members).
        return counts.Count == 0 ? null : counts
            .OrderByDescending(p => title.Contains(p.Key, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>Initials of each run of three or more capitalised words: "Community Safety Partnership" → "csp".</summary>
    private static IEnumerable<string> Acronyms(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var start = 0; start < words.Length; start++)
        {
            for (var end = start + 3; end <= words.Length; end++)
            {
                var run = words[start..end];
                if (!run.All(w => char.IsUpper(w[0])))
                {
                    break;
                }

                yield return string.Concat(run.Select(w => char.ToLowerInvariant(w[0])));
            }
        }
    }

    [GeneratedRegex(@"^Terms of Reference\s*(?:[–:-]|for(?: the)?)\s*(.{3,90})$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex TitleAfterTermsOfReference();

    [GeneratedRegex(@"^(.{3,90}?)\s+(?:\(?DRAFT\)?\s+)?Terms of References?\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex TitleBeforeTermsOfReference();

    [GeneratedRegex(@"^\s*(?:should|may|will|shall|must|are|is|can|have|has|were|was|apply|applies|set)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ContinuesAsSentence();

    [GeneratedRegex(@"^\s*(?:Appendix|Annex|Schedule)\s+\w+\s*[:–-]\s*", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex AppendixLabel();

    [GeneratedRegex(@"\b(?:Proposed|Draft|Revised|Terms of References?(?: for(?: the)?)?)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex TitleNoise();

    [GeneratedRegex(@"\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?\d{4}\s*$", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex TrailingDate();

    [GeneratedRegex(@"\b(?:London Borough|Royal Borough|Metropolitan Borough|Borough|City|County|District) of ([A-Z][a-z]+(?:(?: upon| on| and)? [A-Z][a-z]+)?)|\b([A-Z][a-z]+(?: (?!City|Borough|County|District)[A-Z][a-z]+)?) (City |Borough |County |District |Metropolitan Borough )?Council\b", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex PlaceName();
}
