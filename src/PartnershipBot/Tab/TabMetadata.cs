using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PartnershipBot.Protocol.Authentication;

namespace PartnershipBot.Tab;

/// <summary>
/// Entra's OpenID metadata for every tenant (<c>{Tab:EntraAuthority}/common/v2.0/.well-known/openid-configuration</c>),
/// whose keys sign v1 and v2 tokens alike. Its own type so it never collides with the channel's metadata manager.
/// </summary>
public sealed class TabMetadata
{
    /// <summary>Named HttpClient for the metadata and keys.</summary>
    public const string HttpClientName = "EntraMetadata";

    public TabMetadata(string authority, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var uri = new Uri(authority.TrimEnd('/') + "/common/v2.0/.well-known/openid-configuration", UriKind.Absolute);
        var requireHttps = !ChannelTokenValidator.IsLoopback(uri);
        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException("Tab:EntraAuthority must use https (http is allowed only for loopback hosts).");
        }

        Manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            uri.ToString(), new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(httpClient) { RequireHttps = requireHttps })
        {
            // Entra rotates keys without notice; refresh at least twice a day (and on an unknown key id).
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
    }

    /// <summary>The cached metadata and keys.</summary>
    public IConfigurationManager<OpenIdConnectConfiguration> Manager { get; }
}
