using Microsoft.Extensions.Options;
using PartnershipBot.Protocol.Authentication;

namespace PartnershipBot.Tab;

/// <summary>
/// The tab's settings checked at start-up, naming the key: an authority that is not an absolute https address
/// (otherwise found by the first tab request), and a domain written as a URL, which would put "https://" inside
/// the accepted audience <c>api://{Domain}/{app id}</c> so no SSO token ever matched.
/// </summary>
public sealed class TabOptionsValidator : IValidateOptions<TabOptions>
{
    private const string Section = TabOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TabOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Uri.TryCreate(options.EntraAuthority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:EntraAuthority must be an absolute https URL such as {TabOptions.PublicCloudAuthority}, not '{options.EntraAuthority}'.");
        }
        else if (authority.Scheme != Uri.UriSchemeHttps && !ChannelTokenValidator.IsLoopback(authority))
        {
            failures.Add($"{Section}:EntraAuthority must use https (http is allowed only for loopback hosts).");
        }

        if (!string.IsNullOrWhiteSpace(options.Domain) && Uri.CheckHostName(options.Domain.Trim()) == UriHostNameType.Unknown)
        {
            failures.Add($"{Section}:Domain must be the host name the tab is served from (e.g. bot.council.gov.uk), not '{options.Domain}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
