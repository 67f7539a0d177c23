using System.Text.RegularExpressions;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// "Who is the Strategic Performance Manager?" asks for whoever holds a post the question names. A passage
/// answers it only when it says who holds that post: "The Secretary will be the Head of Governance", "Clerk:
/// Jane Smith", "Jane Smith (Secretary)", "administered by Surrey County Council" — not one that merely mentions
/// the post ("The Secretary shall arrange the meeting"). Plain string scanning around the post's name, so any
/// post works without a pattern of its own.
/// </summary>
public static partial class RoleHolder
{
    private static readonly string[] Copulas = [" is ", " will be ", " shall be ", " are ", " to be ", " would be ", " - ", " – ", ": "];
    private static readonly string[] NotAHolder = ["elected", "appointed", "chosen", "selected", "responsible", "required", "expected", "able", "confirmed", "agreed", "decided", "nominated", "invited", "entitled", "asked"];

    /// <summary>The post a "who is the ...?" question names ("strategic performance manager"), or null.</summary>
    public static string? PostAskedAbout(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var match = WhoIsThe().Match(question);
        return match.Success ? match.Groups["post"].Value.Trim() : null;
    }

    /// <summary>True when <paramref name="text"/> says who holds <paramref name="post"/>.</summary>
    public static bool Names(string post, string text)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf(post, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var after = text[(at + post.Length)..];
            var before = text[..at];
            if (Copulas.Any(c => after.StartsWith(c, StringComparison.OrdinalIgnoreCase) && !Deferred(after[c.Length..]))
                || after.StartsWith(')') && before.TrimEnd().EndsWith('(')
                || AsPost(before))
            {
                return true;
            }

            at = text.IndexOf(post, at + post.Length, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    // "... will act as the Secretary", "... will be the Secretary".
    private static bool AsPost(string before)
    {
        var tail = before.TrimEnd();
        return tail.EndsWith(" as the", StringComparison.OrdinalIgnoreCase) || tail.EndsWith(" as", StringComparison.OrdinalIgnoreCase)
            || tail.EndsWith(" will be the", StringComparison.OrdinalIgnoreCase) || tail.EndsWith(" is the", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Deferred(string rest)
    {
        var next = rest.TrimStart('(', ' ');
        return NotAHolder.Any(w => next.StartsWith(w, StringComparison.OrdinalIgnoreCase)) || next.StartsWith("to be", StringComparison.OrdinalIgnoreCase)
            || next.StartsWith("confirmed", StringComparison.OrdinalIgnoreCase) || next.Length == 0;
    }

    [GeneratedRegex(@"^\s*who(?:'s| is| are|s)\s+(?:the\s+)?(?:(?:board|group|committee|partnership|forum)(?:'s|s)?\s+)?(?<post>[a-z][a-z -]{2,40}?)(?:\s+(?:of|for|on|at|in)\b.*)?\s*\??\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex WhoIsThe();
}
