using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Protocol.Authentication;

/// <summary>
/// Validates the Bot Connector's bearer token (issuer, audience, lifetime, RS256/384/512 signature from
/// the OpenID metadata's keys) and, once the body is parsed, binds it to the activity: the signing key must
/// be endorsed for the activity's channel and the <c>serviceurl</c> claim must equal its serviceUrl.
/// Every failure is reported as a reason for the log; callers answer 401 with no detail.
/// </summary>
public sealed class ChannelTokenValidator
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly BotFrameworkOptions options;
    private readonly IConfigurationManager<OpenIdConnectConfiguration> metadata;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly TimeProvider time;
    private readonly ValidatedTokenCache validated = new();

    /// <summary>Creates a validator reading keys through <paramref name="metadata"/>.</summary>
    public ChannelTokenValidator(IOptions<BotFrameworkOptions> options, IConfigurationManager<OpenIdConnectConfiguration> metadata, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.metadata = metadata;
        this.time = time;
    }

    /// <summary>Builds the metadata manager for a URL: keys cached, refreshed every 12 hours and on demand.</summary>
    public static ConfigurationManager<OpenIdConnectConfiguration> CreateMetadataManager(string metadataUrl, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(metadataUrl);
        var uri = new Uri(metadataUrl, UriKind.Absolute);
        var requireHttps = !IsLoopback(uri);
        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException("BotFramework:OpenIdMetadataUrl must use https (http is allowed only for loopback hosts).");
        }

        return new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(httpClient) { RequireHttps = requireHttps })
        {
            // The channel rotates keys without notice; refresh at least daily (twice, here).
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
    }

    /// <summary>Checks the Authorization header value. Does not look at the body.</summary>
    public async Task<ChannelAuthResult> ValidateHeaderAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return ChannelAuthResult.Fail("no Authorization header");
        }

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.Ordinal) || parts[1].Length == 0)
        {
            return ChannelAuthResult.Fail("Authorization header is not 'Bearer <token>'");
        }

        var token = parts[1];
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        if (validated.Find(token, configuration, (notBefore, expires) => IsWithinLifetime(notBefore, expires, ClockSkew)) is { } earlier)
        {
            return earlier;
        }

        if (!handler.CanReadToken(token))
        {
            return ChannelAuthResult.Fail("token is not a well-formed JWT");
        }

        var result = await ValidateAsync(token, configuration);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // An unknown key id may be a freshly rotated key: refresh once and try again.
            metadata.RequestRefresh();
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
            result = await ValidateAsync(token, configuration);
        }

        if (!result.IsValid)
        {
            return ChannelAuthResult.Fail($"token rejected: {result.Exception?.GetType().Name}");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var serviceUrl = jwt.TryGetPayloadValue<string>("serviceurl", out var claim) ? claim : null;
        var accepted = new ChannelAuthResult(true, null, serviceUrl, EndorsementsFor(configuration, jwt.Kid));
        validated.Remember(token, configuration, Optional(jwt.ValidFrom), Optional(jwt.ValidTo), accepted);
        return accepted;
    }

    /// <summary>
    /// Binds a validated token to the parsed activity: channel endorsed, serviceUrl matching, tenant allowed.
    /// Returns null when the activity may be processed, else the reason.
    /// </summary>
    public string? CheckActivity(ChannelAuthResult auth, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(activity);
        if (CheckChannel(activity) is { } wrongChannel)
        {
            return wrongChannel;
        }

        if (!auth.Endorsements.Contains(activity.ChannelId!))
        {
            return "signing key is not endorsed for the activity's channel";
        }

        if (auth.ServiceUrlClaim is null || !string.Equals(auth.ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "serviceurl claim does not match the activity's serviceUrl";
        }

        return CheckTenant(activity);
    }

    /// <summary>The one channel the bot serves. Other channels (webchat, directline) have no tenant and no Entra ids.</summary>
    public const string TeamsChannel = "msteams";

    /// <summary>
    /// Null when the activity comes from Teams, else the reason: only <c>msteams</c> is served, however the signing key
    /// is endorsed, because tenants and Entra object ids (which every permission rests on) are Teams' alone.
    /// </summary>
    public static string? CheckChannel(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.ChannelId, TeamsChannel, StringComparison.Ordinal) ? null : "only the msteams channel is served";
    }

    /// <summary>
    /// Null when the tenant allow-list (if any) admits the activity's tenant, else the reason. An activity whose two
    /// statements of its tenant (conversation and channelData) disagree is refused whatever the list says.
    /// </summary>
    public string? CheckTenant(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.TenantId is { Length: > 0 } conversationTenant && activity.ChannelData?.Tenant?.Id is { Length: > 0 } dataTenant
            && !string.Equals(conversationTenant, dataTenant, StringComparison.OrdinalIgnoreCase))
        {
            return "conversation.tenantId and channelData.tenant.id disagree";
        }

        if (options.AllowedTenants.Count == 0)
        {
            return null;
        }

        var tenant = activity.GetTenantId();
        return tenant is not null && options.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase)
            ? null
            : "tenant is not in BotFramework:AllowedTenants";
    }

    /// <summary>True for localhost, 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration configuration) =>
        handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = BotFrameworkOptions.ChannelIssuer,
            ValidateIssuer = true,
            ValidAudience = options.MicrosoftAppId,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = AllowedAlgorithms,
            TryAllIssuerSigningKeys = false,
            LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(notBefore, expires, parameters.ClockSkew),
        });

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is not null && now <= expires.Value.ToUniversalTime() + skew
            && (notBefore is null || now >= notBefore.Value.ToUniversalTime() - skew);
    }

    // JsonWebToken reports an absent nbf or exp as DateTime.MinValue.
    private static DateTime? Optional(DateTime value) => value == DateTime.MinValue ? null : value;

    private static HashSet<string> EndorsementsFor(OpenIdConnectConfiguration configuration, string? kid)
    {
        var endorsements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is not null && key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            switch (value)
            {
                case JsonElement { ValueKind: JsonValueKind.Array } array:
                    endorsements.UnionWith(array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
                    break;
                case IEnumerable<object> list:
                    endorsements.UnionWith(list.OfType<string>());
                    break;
            }
        }

        return endorsements;
    }
}
