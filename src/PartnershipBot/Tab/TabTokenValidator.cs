using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PartnershipBot.Protocol.Authentication;

namespace PartnershipBot.Tab;

/// <summary>
/// Validates the Entra ID token Teams tab SSO hands the page (<c>authentication.getAuthToken()</c>), with the channel
/// auth's fail-closed rules: RS256 signature from Entra's OpenID metadata keys (refreshed once for an unknown key id),
/// issuer of the token's own tenant (v1 or v2 form), audience the app id or <c>api://{Tab:Domain}/{app id}</c>, lifetime
/// with five minutes' skew, a delegated <c>access_as_user</c> scope, <c>oid</c> and <c>tid</c> present, the calling client
/// (<c>azp</c>, or <c>appid</c> in a v1 token) one of <see cref="TabOptions.ClientAppsInForce"/>, and the tenant
/// in <c>BotFramework:AllowedTenants</c> when that is set.
/// </summary>
public sealed class TabTokenValidator
{
    /// <summary>The delegated scope Teams asks for when the admin exposes the API as its documentation says.</summary>
    public const string Scope = "access_as_user";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    // Entra signs access tokens with RS256 only; accepting anything else would only widen the attack surface.
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256];
    private readonly BotFrameworkOptions bot;
    private readonly TabOptions tab;
    private readonly IConfigurationManager<OpenIdConnectConfiguration> metadata;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly TimeProvider time;

    public TabTokenValidator(IOptions<BotFrameworkOptions> bot, IOptions<TabOptions> tab, TabMetadata metadata, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(tab);
        ArgumentNullException.ThrowIfNull(metadata);
        this.bot = bot.Value;
        this.tab = tab.Value;
        this.metadata = metadata.Manager;
        this.time = time;
    }

    /// <summary>The token's person and tenant, or the reason it is refused. Never throws for a bad token.</summary>
    public async Task<TabSignIn> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return TabSignIn.Refused("no Authorization header");
        }

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.Ordinal) || !handler.CanReadToken(parts[1]))
        {
            return TabSignIn.Refused("Authorization header is not 'Bearer <JWT>'");
        }

        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        var result = await handler.ValidateTokenAsync(parts[1], Parameters(configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Entra rotates its keys: an unknown key id may be a new one, so refresh once and try again.
            metadata.RequestRefresh();
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
            result = await handler.ValidateTokenAsync(parts[1], Parameters(configuration));
        }

        if (!result.IsValid)
        {
            return TabSignIn.Refused($"token rejected: {result.Exception?.GetType().Name}");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var person = Claim(jwt, "oid");
        var tenant = Claim(jwt, "tid");
        if (person is null || tenant is null)
        {
            return TabSignIn.Refused("token has no oid or tid");
        }

        // An app-only token (client credentials) carries roles, not scp: the tab serves people, never services.
        if (Claim(jwt, "scp") is not { } scopes || !scopes.Split(' ').Contains(Scope, StringComparer.Ordinal))
        {
            return TabSignIn.Refused($"token lacks the {Scope} scope");
        }

        // Fail closed: a token naming no client, or a client other than Teams (or the configured ones), is refused.
        var client = Claim(jwt, "azp") ?? Claim(jwt, "appid");
        if (client is null || !tab.ClientAppsInForce().Contains(client, StringComparer.OrdinalIgnoreCase))
        {
            return TabSignIn.Refused("token's client (azp/appid) is not an allowed tab client");
        }

        if (bot.AllowedTenants.Count > 0 && !bot.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
        {
            return TabSignIn.Refused("tenant is not in BotFramework:AllowedTenants");
        }

        return TabSignIn.As(person, tenant);
    }

    /// <summary>The two issuers Entra uses for a tenant: v2.0 tokens and v1 (sts.windows.net) tokens.</summary>
    public static IReadOnlyList<string> IssuersFor(string tenantId) =>
        [$"https://login.microsoftonline.com/{tenantId}/v2.0", $"https://sts.windows.net/{tenantId}/"];

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        // Multi-tenant: the issuer is per tenant, so it is checked against the token's own tid (below), never a list.
        ValidateIssuer = true,
        IssuerValidator = ValidateIssuer,
        ValidAudiences = Audiences(),
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(notBefore, expires, parameters.ClockSkew),
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = AllowedAlgorithms,
        TryAllIssuerSigningKeys = false,
    };

    private List<string> Audiences()
    {
        // Local mode never gets here (the endpoint signs in the development person), so the app id is set.
        var appId = bot.MicrosoftAppId!;
        var audiences = new List<string> { appId };
        if (!string.IsNullOrWhiteSpace(tab.Domain))
        {
            audiences.Add($"api://{tab.Domain.Trim()}/{appId}");
        }

        return audiences;
    }

    private static string ValidateIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters)
    {
        // A tid that is not a GUID could smuggle path characters into the expected issuer.
        if (token is JsonWebToken jwt && Claim(jwt, "tid") is { } tenant && Guid.TryParse(tenant, out _)
            && IssuersFor(tenant).Contains(issuer, StringComparer.Ordinal))
        {
            return issuer;
        }

        throw new SecurityTokenInvalidIssuerException("issuer is not Entra's for the token's tenant");
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is not null && now <= expires.Value.ToUniversalTime() + skew
            && (notBefore is null || now >= notBefore.Value.ToUniversalTime() - skew);
    }

    private static string? Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
