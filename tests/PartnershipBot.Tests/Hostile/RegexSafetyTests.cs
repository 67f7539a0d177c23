using System.Text.RegularExpressions;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Hostile;

/// <summary>
/// Every regex in the product is non-backtracking or has a timeout, so no text a member sends (or a document they
/// upload) can hold a thread for long. The ToR engine's patterns carry <c>TorRegex.TimeoutMilliseconds</c>.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed partial class RegexSafetyTests
{
    [Fact]
    public void Every_regex_is_non_backtracking_or_timed()
    {
        var unsafeRegexes = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var source = File.ReadAllText(file);
            foreach (Match use in RegexUse().Matches(source))
            {
                var statement = Statement(source, use.Index);
                if (!statement.Contains("NonBacktracking", StringComparison.Ordinal) && !statement.Contains("TimeSpan", StringComparison.Ordinal)
                    && !statement.Contains("matchTimeoutMilliseconds", StringComparison.Ordinal))
                {
                    unsafeRegexes.Add($"{relative}: {statement.Trim()[..Math.Min(120, statement.Trim().Length)]}");
                }
            }
        }

        Assert.True(unsafeRegexes.Count == 0, "Backtracking regexes without a timeout:\n" + string.Join('\n', unsafeRegexes));
    }

    [Fact]
    public void The_scan_recognises_an_unsafe_regex() =>
        Assert.Single(RegexUse().Matches("""var r = new Regex("a+b", RegexOptions.IgnoreCase);"""));

    /// <summary>From the match to the end of the attribute or statement (a pattern may span lines).</summary>
    private static string Statement(string source, int start)
    {
        // A pattern can hold ']' or ')]' inside a character class: a statement ends at ';', an attribute at the ")]"
        // that closes its line.
        var end = source[start] == '['
            ? source.IndexOf(")]\n", start, StringComparison.Ordinal)
            : source.IndexOf(';', source.IndexOf('(', start));

        return source[start..Math.Max(end, start)];
    }

    // Constructing a Regex, the [GeneratedRegex] attribute, and the static Regex helpers (which backtrack with no timeout).
    [GeneratedRegex(@"new\s+Regex\s*\(|\[GeneratedRegex\s*\(|\bRegex\.(?:IsMatch|Match|Matches|Replace|Split|Count|EnumerateMatches)\s*\(", RegexOptions.NonBacktracking)]
    private static partial Regex RegexUse();
}
