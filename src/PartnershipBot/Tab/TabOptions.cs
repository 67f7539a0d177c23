namespace PartnershipBot.Tab;

/// <summary>The secretariat tab's settings (section <c>Tab</c>).</summary>
public sealed class TabOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Tab";

    /// <summary>Public-cloud Entra ID; a national cloud or a loopback stub (tests) can stand in.</summary>
    public const string PublicCloudAuthority = "https://login.microsoftonline.com";

    /// <summary>
    /// <c>Tab:DevelopmentPerson</c>: the Entra object id the tab signs in as in local mode (no app id, loopback only),
    /// as the Agents Playground's user would be; empty lists every board with no roles.
    /// </summary>
    public string? DevelopmentPerson { get; set; }

    /// <summary>
    /// <c>Tab:Domain</c>: the host name the tab is served from (the manifest's <c>BOT_DOMAIN</c>). SSO tokens whose
    /// audience is <c>api://{Domain}/{app id}</c> are accepted; without it only the bare app id is.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary><c>Tab:EntraAuthority</c>: where Entra's OpenID metadata is read (<c>{authority}/common/v2.0/...</c>); http only on loopback.</summary>
    public string EntraAuthority { get; set; } = PublicCloudAuthority;
}
