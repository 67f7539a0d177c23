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

    /// <summary>The Teams clients Microsoft documents for tab SSO: desktop and mobile, and web.</summary>
    public static readonly IReadOnlyList<string> TeamsClientApps =
        ["1fec8e78-bce4-4aaf-ab1b-5451cc387264", "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"];

    /// <summary>
    /// <c>Tab:AllowedClientApps</c>: the client application ids (the token's <c>azp</c>, or <c>appid</c> in a v1
    /// token) allowed to call the tab API; empty means <see cref="TeamsClientApps"/>. Another app the tenant consented
    /// to the scope could otherwise obtain a token for the same audience and read the boards.
    /// </summary>
    public List<string> AllowedClientApps { get; set; } = [];

    /// <summary>The client ids in force: the configured ones, or the Teams clients when none is configured.</summary>
    public IReadOnlyList<string> ClientAppsInForce() =>
        AllowedClientApps.Count > 0 ? AllowedClientApps.Select(id => id.Trim()).ToList() : TeamsClientApps;

    /// <summary><c>Tab:EntraAuthority</c>: where Entra's OpenID metadata is read (<c>{authority}/common/v2.0/...</c>); http only on loopback.</summary>
    public string EntraAuthority { get; set; } = PublicCloudAuthority;
}
