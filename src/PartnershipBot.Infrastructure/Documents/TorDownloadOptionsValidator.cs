using Microsoft.Extensions.Options;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// A download host written as a URL ("https://contoso.sharepoint.com") or with a wildcard anywhere but the front
/// would match no download, so every upload would fail with the same polite message: refused at start-up instead,
/// naming the key.
/// </summary>
public sealed class TorDownloadOptionsValidator : IValidateOptions<TorDownloadOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TorDownloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.DownloadHosts.Count; i++)
        {
            var pattern = options.DownloadHosts[i]?.Trim() ?? string.Empty;
            var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
            if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                failures.Add($"{TorDownloadOptions.SectionName}:DownloadHosts:{i} must be a host name such as contoso.sharepoint.com or *.sharepoint.com, not '{pattern}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
