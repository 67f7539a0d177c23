using Microsoft.Extensions.Configuration;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// Where an uploaded ToR may be fetched from. Teams hands the bot a pre-authorised link into the sender's
/// OneDrive for Business or SharePoint, so only those hosts are fetched (<c>TermsOfReference:DownloadHosts</c>,
/// <c>*.</c> meaning any subdomain), never an address inside the network (<c>TermsOfReference:AllowLoopbackDownloads</c>
/// exists for tests and the Agents Playground only).
/// </summary>
public sealed class TorDownloadOptions
{
    /// <summary>The hosts Teams stores files sent to a bot on (commercial cloud; bots receive no files in GCC High, DoD or 21Vianet).</summary>
    public static readonly IReadOnlyList<string> DefaultHosts = ["*.sharepoint.com", "*.sharepoint-df.com", "*.1drv.com", "onedrive.live.com", "*.onedrive.live.com"];

    /// <summary>Host names (exact, or <c>*.domain</c> for its subdomains) a download or redirect may go to.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = DefaultHosts;

    /// <summary>True lets downloads reach loopback addresses (tests); private and link-local addresses stay refused.</summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Reads the options from configuration.</summary>
    public static TorDownloadOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hosts = configuration.GetSection("TermsOfReference:DownloadHosts").GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(h => h.Length > 0).ToList();
        return new TorDownloadOptions
        {
            Hosts = hosts.Count > 0 ? hosts : DefaultHosts,
            AllowLoopback = bool.TryParse(configuration["TermsOfReference:AllowLoopbackDownloads"], out var loopback) && loopback,
        };
    }

    /// <summary>True when <paramref name="host"/> is on the list.</summary>
    public bool IsAllowedHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Hosts.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));
    }
}
