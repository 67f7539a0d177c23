using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace PartnershipBot.Infrastructure.Graph;

/// <summary>Builds the Graph client: app-only credentials, the SDK's own retry and redirect pipeline, our base URL.</summary>
public static class GraphClients
{
    private const string Scope = "https://graph.microsoft.com/.default";

    /// <summary>
    /// The app-only credential the configuration names: a client secret (<c>Graph:TenantId</c>, <c>Graph:ClientId</c>,
    /// <c>Graph:ClientSecret</c>) or, without a secret, the managed identity (<c>Graph:ManagedIdentityClientId</c> for a
    /// user-assigned one). Fails closed with a message when booking is configured but no credential is.
    /// </summary>
    public static TokenCredential CredentialFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Graph");
        if (!string.IsNullOrWhiteSpace(section["ClientSecret"]))
        {
            var tenant = section["TenantId"];
            var client = section["ClientId"] ?? configuration["MicrosoftAppId"];
            if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(client))
            {
                throw new InvalidOperationException("Graph:ClientSecret is set, so Graph:TenantId and Graph:ClientId (or MicrosoftAppId) must be set too.");
            }

            return new ClientSecretCredential(tenant, client, section["ClientSecret"]);
        }

        var managed = section["ManagedIdentityClientId"] ?? configuration["MicrosoftAppId"];
        if (string.IsNullOrWhiteSpace(managed))
        {
            throw new InvalidOperationException(
                "Graph:OrganiserMailbox is set but no credential is: set Graph:ClientSecret (with Graph:TenantId and Graph:ClientId) or Graph:ManagedIdentityClientId.");
        }

        return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managed));
    }

    /// <summary>A Graph client for <paramref name="baseUrl"/> that sends tokens from <paramref name="credential"/>.</summary>
    public static GraphServiceClient Create(TokenCredential credential, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        // The provider only attaches tokens for hosts it is told about (the Graph hosts by default): name ours, so a
        // sovereign-cloud or test endpoint gets the token rather than a silent anonymous request.
        var authentication = new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(credential, [baseUrl.Host], (ObservabilityOptions?)null, true, Scope);
        return new GraphServiceClient(GraphClientFactory.Create(), authentication, baseUrl.ToString().TrimEnd('/'));
    }
}
