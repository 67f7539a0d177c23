namespace PartnershipBot.Features.TermsOfReference;

/// <summary>
/// The match timeout every ToR-engine regex carries. The engine's patterns read members' questions and uploaded
/// documents, so a pathological input must fail one match quickly rather than hold a thread; a quarter of a
/// second is hundreds of times what an ordinary question or clause needs.
/// </summary>
public static class TorRegex
{
    /// <summary>The timeout in milliseconds, as [GeneratedRegex] takes it.</summary>
    public const int TimeoutMilliseconds = 250;

    /// <summary>The same timeout for regexes built at run time.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);
}
