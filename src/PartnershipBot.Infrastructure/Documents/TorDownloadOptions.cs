namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// Where an uploaded ToR may be fetched from (section <c>TermsOfReference</c>). Teams hands the bot a pre-authorised
/// link into the sender's OneDrive for Business or SharePoint, so only those hosts are fetched
/// (<c>TermsOfReference:DownloadHosts</c>, <c>*.</c> meaning any subdomain), never an address inside the network
/// (<c>TermsOfReference:AllowLoopbackDownloads</c> exists for tests and the Agents Playground only).
/// </summary>
public sealed class TorDownloadOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TermsOfReference";

    /// <summary>The hosts Teams stores files sent to a bot on (commercial cloud; bots receive no files in GCC High, DoD or 21Vianet).</summary>
    public static readonly IReadOnlyList<string> DefaultHosts = ["*.sharepoint.com", "*.sharepoint-df.com", "*.1drv.com", "onedrive.live.com", "*.onedrive.live.com"];

    /// <summary>
    /// <c>TermsOfReference:DownloadHosts:N</c> as configured; empty means <see cref="DefaultHosts"/>. (A list the binder
    /// fills, so the defaults can't sit in it: configured hosts would be added to them rather than replace them.)
    /// </summary>
    public IList<string> DownloadHosts { get; } = [];

    /// <summary>Host names (exact, or <c>*.domain</c> for its subdomains) a download or redirect may go to.</summary>
    public IReadOnlyList<string> Hosts => DownloadHosts.Count > 0 ? [.. DownloadHosts.Select(h => h.Trim())] : DefaultHosts;

    /// <summary><c>TermsOfReference:AllowLoopbackDownloads</c>: true lets downloads reach loopback addresses (tests); private and link-local addresses stay refused.</summary>
    public bool AllowLoopbackDownloads { get; set; }

    /// <summary>True when <paramref name="host"/> is on the list.</summary>
    public bool IsAllowedHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Hosts.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));
    }
}
