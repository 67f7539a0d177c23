using System.Text.RegularExpressions;

namespace PartnershipBot.Features.TermsOfReference;

/// <summary>
/// How the ToR engine's regexes are kept safe. The patterns read members' questions and uploaded documents, so a
/// pathological input must not hold a thread. Patterns built at run time use the non-backtracking engine (linear in
/// the input, so no input can blow up) wherever the pattern allows it; the rest, and every [GeneratedRegex], carry a
/// match timeout. The timeout is wall-clock time, so it is set at a second: thousands of times what an ordinary
/// question or clause needs, and far enough above it that a starved two-core machine does not fail an ordinary match
/// (250 ms did, during ingestion in CI).
/// </summary>
public static class TorRegex
{
    /// <summary>The timeout in milliseconds, as [GeneratedRegex] takes it.</summary>
    public const int TimeoutMilliseconds = 1000;

    /// <summary>The same timeout for regexes built at run time.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    /// <summary>
    /// A regex for <paramref name="pattern"/>: non-backtracking when the pattern has no construct that engine refuses
    /// (lookarounds, backreferences, atomic groups), otherwise compiled with <see cref="Timeout"/>.
    /// </summary>
    public static Regex Create(string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, Timeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));
        }
    }
}
