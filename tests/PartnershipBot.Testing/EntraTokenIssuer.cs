using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PartnershipBot.Testing;

/// <summary>
/// Plays Entra ID for the secretariat tab's SSO, as <see cref="ChannelTokenIssuer"/> plays the Bot Framework: the
/// multi-tenant OpenID metadata (<c>/common/v2.0/.well-known/openid-configuration</c>) and its keys on loopback, and
/// access tokens as Teams' <c>getAuthToken()</c> would hand the page, correct or deliberately wrong.
/// </summary>
public sealed class EntraTokenIssuer : IAsyncDisposable
{
    private static readonly string[] SupportedAlgorithms = ["RS256"];
    private readonly RSA rsa = RSA.Create(2048);
    private readonly RSA otherRsa = RSA.Create(2048);
    private LoopbackServer? server;

    /// <summary>The published key id.</summary>
    public string KeyId { get; } = "entra-test-key-1";

    /// <summary>The value to configure as <c>Tab:EntraAuthority</c>.</summary>
    public string Authority => server!.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Entra's v2.0 issuer for a tenant.</summary>
    public static string V2Issuer(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    /// <summary>Entra's v1 issuer for a tenant.</summary>
    public static string V1Issuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    /// <summary>Starts the metadata endpoint.</summary>
    public static async Task<EntraTokenIssuer> StartAsync()
    {
        var issuer = new EntraTokenIssuer();
        issuer.server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/common/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                // Entra's real common document names a template issuer; validation never trusts it.
                ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
                ["jwks_uri"] = new Uri(issuer.server!.BaseAddress, "common/discovery/v2.0/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = SupportedAlgorithms,
            }));
            app.MapGet("/common/discovery/v2.0/keys", () =>
            {
                var parameters = issuer.rsa.ExportParameters(false);
                return Results.Json(new Dictionary<string, object>
                {
                    ["keys"] = new[]
                    {
                        new Dictionary<string, object>
                        {
                            ["kty"] = "RSA",
                            ["use"] = "sig",
                            ["kid"] = issuer.KeyId,
                            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                        },
                    },
                });
            });
        });
        return issuer;
    }

    /// <summary>Teams desktop and mobile's client id, the <c>azp</c> a real tab SSO token carries by default.</summary>
    public const string TeamsDesktopClient = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";

    /// <summary>
    /// Mints a delegated access token for <paramref name="person"/> of <paramref name="tenantId"/>; every part can be
    /// overridden to make it wrong (the issuer defaults to the tenant's v2.0 issuer).
    /// </summary>
    public string Mint(
        string tenantId,
        string person,
        string audience,
        string? issuer = null,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string? scope = "access_as_user",
        bool signWithOtherKey = false,
        string? clientApp = TeamsDesktopClient,
        string clientClaim = "azp")
    {
        var key = new RsaSecurityKey(signWithOtherKey ? otherRsa : rsa) { KeyId = KeyId };
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["tid"] = tenantId, ["oid"] = person, ["ver"] = "2.0" };
        if (scope is not null)
        {
            claims["scp"] = scope;
        }

        if (clientApp is not null)
        {
            claims[clientClaim] = clientApp;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? V2Issuer(tenantId),
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(60),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        rsa.Dispose();
        otherRsa.Dispose();
    }
}
