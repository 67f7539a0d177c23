using Azure.Core;
using Azure.Identity;
using PartnershipBot.Infrastructure.Graph;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Graph;

/// <summary>The Graph token is asked for the national cloud <c>Graph:BaseUrl</c> names, from that cloud's authority.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class GraphCloudTests
{
    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/.default")]
    [InlineData("https://graph.microsoft.us/v1.0", "https://graph.microsoft.us/.default")]
    [InlineData("https://dod-graph.microsoft.us/v1.0", "https://dod-graph.microsoft.us/.default")]
    [InlineData("https://microsoftgraph.chinacloudapi.cn/v1.0", "https://microsoftgraph.chinacloudapi.cn/.default")]
    [InlineData("https://DOD-Graph.Microsoft.US/beta", "https://dod-graph.microsoft.us/.default")]
    [InlineData("http://127.0.0.1:5123/v1.0", "https://graph.microsoft.com/.default")]
    public void The_scope_follows_the_base_urls_host(string baseUrl, string scope) =>
        Assert.Equal(scope, GraphClients.ScopeFor(new Uri(baseUrl)));

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", "https://login.microsoftonline.com/")]
    [InlineData("https://graph.microsoft.us/v1.0", "https://login.microsoftonline.us/")]
    [InlineData("https://dod-graph.microsoft.us/v1.0", "https://login.microsoftonline.us/")]
    [InlineData("https://microsoftgraph.chinacloudapi.cn/v1.0", "https://login.chinacloudapi.cn/")]
    public void The_sign_in_authority_is_the_clouds_own(string baseUrl, string authority) =>
        Assert.Equal(new Uri(authority), GraphClients.AuthorityFor(new Uri(baseUrl)));

    [Theory]
    [InlineData("https://graph.microsoft.us/v1.0", "https://graph.microsoft.us/.default")]
    [InlineData("https://microsoftgraph.chinacloudapi.cn/v1.0", "https://microsoftgraph.chinacloudapi.cn/.default")]
    public async Task The_client_asks_the_credential_for_that_scope(string baseUrl, string scope)
    {
        var credential = new RecordingCredential();
        var client = GraphClients.Create(credential, new Uri(baseUrl));

        // The token is fetched before anything is sent; the credential refuses, so nothing leaves the machine.
        await Assert.ThrowsAsync<CredentialUnavailableException>(() => client.Users["secretariat@council.example"].Calendar.GetAsync());

        Assert.Equal([scope], Assert.Single(credential.Requests).Scopes);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<TokenRequestContext> Requests { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Requests.Add(requestContext);
            throw new CredentialUnavailableException("test credential: records the request only");
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
