using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PartnershipBot.Testing;

/// <summary>
/// Plays the Bot Framework token service for tests: a locally generated RSA key published through an
/// OpenID metadata document on loopback (with Teams' <c>endorsements</c> on the key), and tokens minted
/// with it, correct or deliberately wrong.
/// </summary>
public sealed class ChannelTokenIssuer : IAsyncDisposable
{
    /// <summary>The fake bot app id used by the shared fixtures.</summary>
    public const string AppId = "00000000-0000-0000-0000-00000000b075";

    /// <summary>The channel issuer.</summary>
    public const string Issuer = "https://api.botframework.com";

    private static readonly string[] SupportedAlgorithms = ["RS256"];
    private readonly RSA rsa = RSA.Create(2048);
    private readonly RSA otherRsa = RSA.Create(2048);
    private LoopbackServer? server;

    /// <summary>The published key id.</summary>
    public string KeyId { get; } = "test-key-1";

    /// <summary>Channels the published key is endorsed for.</summary>
    public IList<string> Endorsements { get; } = ["msteams"];

    /// <summary>How many times the keys document was fetched.</summary>
    public int KeyFetches { get; private set; }

    /// <summary>The metadata URL to configure as BotFramework:OpenIdMetadataUrl.</summary>
    public string MetadataUrl => new Uri(server!.BaseAddress, ".well-known/openidconfiguration").ToString();

    /// <summary>Starts the metadata endpoint.</summary>
    public static async Task<ChannelTokenIssuer> StartAsync()
    {
        var issuer = new ChannelTokenIssuer();
        issuer.server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/.well-known/openidconfiguration", (HttpContext context) => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = new Uri(issuer.server!.BaseAddress, ".well-known/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = SupportedAlgorithms,
            }));
            app.MapGet("/.well-known/keys", () =>
            {
                issuer.KeyFetches++;
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
                            ["endorsements"] = issuer.Endorsements.ToArray(),
                        },
                    },
                });
            });
        });
        return issuer;
    }

    /// <summary>The public key, as a verifier would see it (for the HS256 key-confusion attack).</summary>
    public byte[] PublicKeyBytes => rsa.ExportSubjectPublicKeyInfo();

    /// <summary>Mints a channel token; every part can be overridden to make it wrong.</summary>
    public string Mint(
        string serviceUrl,
        string? audience = AppId,
        string issuer = Issuer,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string? keyId = null,
        bool signWithOtherKey = false,
        string algorithm = SecurityAlgorithms.RsaSha256,
        bool includeServiceUrl = true)
    {
        var key = new RsaSecurityKey(signWithOtherKey ? otherRsa : rsa) { KeyId = keyId ?? KeyId };
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (includeServiceUrl)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>An HS256 token whose HMAC key is the RSA public key (the classic key-confusion attack).</summary>
    public string MintHmacWithPublicKey(string serviceUrl) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            Expires = DateTime.UtcNow.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(PublicKeyBytes) { KeyId = KeyId }, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>An unsigned token (<c>alg: none</c>).</summary>
    public static string MintUnsigned(string serviceUrl)
    {
        static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        return Part(new { alg = "none", typ = "JWT" }) + "." + Part(new { iss = Issuer, aud = AppId, exp, serviceurl = serviceUrl }) + ".";
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
