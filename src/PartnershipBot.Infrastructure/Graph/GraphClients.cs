using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Telemetry;

namespace PartnershipBot.Infrastructure.Graph;

/// <summary>
/// The credential the bot uses for Microsoft Graph, wrapped in its own type so it can't be mistaken for (or
/// replace) the one the Bot Connector uses.
/// </summary>
/// <param name="Credential">App-only credential for Graph's <c>/.default</c> scope (<see cref="GraphClients.ScopeFor"/>).</param>
public sealed record GraphCredential(TokenCredential Credential);

/// <summary>Builds the Graph client: app-only credentials, the SDK's own retry and redirect pipeline, our base URL.</summary>
public static class GraphClients
{
    private const string PublicCloudHost = "graph.microsoft.com";

    // Graph's national clouds (learn.microsoft.com/graph/deployments): each takes tokens for its own host, issued by
    // its own sign-in authority. US Government L4 (GCC High) and L5 (DoD) share the US Government authority.
    private static readonly Dictionary<string, Uri> Clouds = new(StringComparer.OrdinalIgnoreCase)
    {
        [PublicCloudHost] = AzureAuthorityHosts.AzurePublicCloud,
        ["graph.microsoft.us"] = AzureAuthorityHosts.AzureGovernment,
        ["dod-graph.microsoft.us"] = AzureAuthorityHosts.AzureGovernment,
        ["microsoftgraph.chinacloudapi.cn"] = AzureAuthorityHosts.AzureChina,
    };

    /// <summary>
    /// The token scope for <c>Graph:BaseUrl</c>: its own host's <c>/.default</c> for Graph and each national cloud; the
    /// public cloud's for any other host (a loopback stub, a gateway in front of the public cloud).
    /// </summary>
    public static string ScopeFor(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return $"https://{(Clouds.ContainsKey(baseUrl.Host) ? baseUrl.Host.ToLowerInvariant() : PublicCloudHost)}/.default";
    }

    /// <summary>The Entra sign-in authority whose tokens <c>Graph:BaseUrl</c> accepts (the public cloud's for other hosts).</summary>
    public static Uri AuthorityFor(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return Clouds.GetValueOrDefault(baseUrl.Host, AzureAuthorityHosts.AzurePublicCloud);
    }

    /// <summary>
    /// The app-only credential for Graph, first that applies: <c>Graph:ClientSecret</c> (with <c>Graph:TenantId</c> /
    /// <c>Graph:ClientId</c>, defaulting to the bot's <c>MicrosoftAppTenantId</c> / <c>MicrosoftAppId</c>);
    /// <c>Graph:ManagedIdentityClientId</c>; the bot's own user-assigned managed identity (<c>MicrosoftAppType</c>
    /// <c>UserAssignedMSI</c>, as infra/main.bicep deploys it); the bot's own app registration and secret. Fails
    /// closed, with the keys to set, when booking is configured and none applies.
    /// </summary>
    public static TokenCredential CredentialFrom(GraphCalendarOptions graph, BotFrameworkOptions bot)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(bot);
        var appId = bot.MicrosoftAppId;
        var tenant = graph.TenantId ?? bot.MicrosoftAppTenantId;
        if (!string.IsNullOrWhiteSpace(graph.ClientSecret))
        {
            var client = graph.ClientId ?? appId;
            return string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(client)
                ? throw new InvalidOperationException("Graph:ClientSecret is set, so Graph:TenantId and Graph:ClientId (or MicrosoftAppTenantId and MicrosoftAppId) must be set too.")
                : new ClientSecretCredential(tenant, client, graph.ClientSecret, new ClientSecretCredentialOptions { AuthorityHost = AuthorityFor(graph.BaseUrl) });
        }

        if (!string.IsNullOrWhiteSpace(graph.ManagedIdentityClientId))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(graph.ManagedIdentityClientId));
        }

        if (!string.IsNullOrWhiteSpace(appId) && string.Equals(bot.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(appId));
        }

        if (!string.IsNullOrWhiteSpace(appId) && !string.IsNullOrWhiteSpace(tenant) && !string.IsNullOrWhiteSpace(bot.MicrosoftAppPassword))
        {
            return new ClientSecretCredential(tenant, appId, bot.MicrosoftAppPassword, new ClientSecretCredentialOptions { AuthorityHost = AuthorityFor(graph.BaseUrl) });
        }

        throw new InvalidOperationException(
            "Graph:OrganizerMailbox is set but there is no credential for Microsoft Graph: set Graph:ClientSecret (with Graph:TenantId and Graph:ClientId), "
            + "Graph:ManagedIdentityClientId, or run as the bot's user-assigned managed identity (MicrosoftAppType=UserAssignedMSI).");
    }

    /// <summary>
    /// A Graph client for <paramref name="baseUrl"/> that sends tokens from <paramref name="credential"/>, counting
    /// Graph's 429s on <paramref name="telemetry"/> when given.
    /// </summary>
    public static GraphServiceClient Create(TokenCredential credential, Uri baseUrl, DependencyTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        // The provider only attaches tokens for hosts it is told about (the Graph hosts by default): name ours, so a
        // sovereign-cloud or test endpoint gets the token rather than a silent anonymous request.
        var authentication = new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(credential, [baseUrl.Host], (ObservabilityOptions?)null, true, ScopeFor(baseUrl));
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        if (telemetry is not null)
        {
            // Last in the chain, next to the network: the SDK's retry handler retries a 429 itself, and each one counts.
            handlers.Add(telemetry.CountThrottling(DependencyTelemetry.Graph));
        }

        return new GraphServiceClient(GraphClientFactory.Create(handlers), authentication, baseUrl.ToString().TrimEnd('/'));
    }
}
