using Microsoft.Extensions.Configuration;

namespace PartnershipBot.Protocol.Authentication;

/// <summary>
/// Bot identity and channel-auth settings, bound from the configuration keys Bot Framework users know:
/// <c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>
/// (root level) and the <c>BotFramework</c> section.
/// </summary>
public sealed class BotFrameworkOptions
{
    /// <summary>The public-cloud Bot Framework OpenID metadata.</summary>
    public const string PublicCloudMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of every channel token.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    /// <summary>The bot's app id. Empty means local mode: no channel auth, loopback only.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret for MultiTenant/SingleTenant. Never used for UserAssignedMSI.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Home tenant (required for SingleTenant and UserAssignedMSI).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary><c>BotFramework:OpenIdMetadataUrl</c>; http is accepted only for loopback hosts (tests).</summary>
    public string OpenIdMetadataUrl { get; set; } = PublicCloudMetadataUrl;

    /// <summary><c>BotFramework:AllowedTenants</c>: when non-empty, activities from other tenants are refused.</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>True when no app id is configured (local mode). The single source of truth for "local mode".</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>
    /// The bot's app id as configured: <c>BotFramework:MicrosoftAppId</c> when set, else the root
    /// <c>MicrosoftAppId</c>. Everything that needs the app id (channel auth, local mode, admin rights, the Graph
    /// client id default) reads it through here, so the two spellings can never disagree.
    /// </summary>
    public static string? AppIdIn(IConfiguration configuration) => FirstSet(configuration, "MicrosoftAppId");

    /// <summary>The bot's home tenant, read the same way as <see cref="AppIdIn"/>.</summary>
    public static string? AppTenantIdIn(IConfiguration configuration) => FirstSet(configuration, "MicrosoftAppTenantId");

    private static string? FirstSet(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[$"BotFramework:{key}"] is { } inSection && !string.IsNullOrWhiteSpace(inSection) ? inSection.Trim()
            : configuration[key] is { } atRoot && !string.IsNullOrWhiteSpace(atRoot) ? atRoot.Trim() : null;
    }
}
