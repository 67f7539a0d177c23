using System.Net;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Hostile;

/// <summary>
/// The CI-sized run of `bench -- hostile`: malformed, oversized and wrong-typed activities and card submissions
/// against the host the process really builds, on a real loopback socket, in local mode and with valid
/// channel tokens. No request may get a server error, and the host must still be healthy and not have kept
/// what it was sent. Alone in its collection so the heap it measures is its own.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
[Collection(nameof(RunsAlone))]
public sealed class HostileInputTests : IAsyncLifetime
{
    private const int Requests = 500;
    private const int Concurrency = 4;

    // Measured: ~10 MiB of growth for the first 500 after warm-up (pools and caches filling), flat after
    // that. Keeping the bodies of the ~20 oversized requests alone would be 100 MiB.
    private const long HeapGrowthLimitBytes = 32L * 1024 * 1024;

    private ChannelTokenIssuer issuer = null!;
    private LoopbackConnector connector = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        issuer = await ChannelTokenIssuer.StartAsync();
        connector = await LoopbackConnector.StartAsync();
        client = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await connector.DisposeAsync();
        await issuer.DisposeAsync();
    }

    [Fact]
    public async Task LocalMode_HostileRequests_GetNoServerErrorAndLeaveTheHostHealthy()
    {
        await using var host = await KestrelBotHost.StartAsync();

        await AssertSurvivesAsync(host, bearerToken: null);
    }

    [Fact]
    public async Task WithValidTokens_HostileRequests_GetNoServerErrorAndLeaveTheHostHealthy()
    {
        await using var host = await StartAuthenticatedAsync();

        await AssertSurvivesAsync(host, issuer.Mint(connector.ServiceUrl));
    }

    [Fact]
    public async Task ForgedTokens_AgainstTheBuiltHost_AreAll401AndReachNoHandler()
    {
        await using var host = await StartAuthenticatedAsync();

        var forged = ForgedTokens.All(issuer, connector.ServiceUrl);
        for (var i = 0; i < forged.Count; i++)
        {
            // A well-formed message that a valid token would get answered, so only the token is wrong.
            var (status, _) = await HostileInputRun.SendOneAsync(client, host.MessagesEndpoint, HostileRequests.WellFormedMessage(i, connector.ServiceUrl), forged[i].Token);
            Assert.True(status == 401, $"{forged[i].Forgery}: {status}");
        }

        await Task.Delay(100);
        Assert.Empty(connector.Calls);
    }

    private Task<KestrelBotHost> StartAuthenticatedAsync() => KestrelBotHost.StartAsync(
        "--MicrosoftAppId", ChannelTokenIssuer.AppId, "--MicrosoftAppPassword", "unused", "--BotFramework:OpenIdMetadataUrl", issuer.MetadataUrl);

    private async Task AssertSurvivesAsync(KestrelBotHost host, string? bearerToken)
    {
        // One of each first, so what is measured after is growth, not first-use caches and JIT.
        await HostileInputRun.SendAsync(client, host.MessagesEndpoint, connector.ServiceUrl, bearerToken, 0, HostileRequests.CaseCount, Concurrency);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var tally = await HostileInputRun.SendAsync(client, host.MessagesEndpoint, connector.ServiceUrl, bearerToken, HostileRequests.CaseCount, Requests, Concurrency);

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Empty(tally.CasesWithServerErrors());
        Assert.Equal(Requests, tally.Counts.Values.Sum());
        // The size cap and the parser turn most of them away; the rest are answered as ordinary turns.
        Assert.True(tally.WithStatus(400) > 0 && tally.WithStatus(413) > 0 && tally.WithStatus(200) > 0, string.Join(", ", tally.ByStatus()));
        using var health = await client.GetAsync(host.HealthEndpoint);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(heapAfter - heapBefore < HeapGrowthLimitBytes, $"managed heap grew by {(heapAfter - heapBefore) / 1024 / 1024} MiB");
    }
}

[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
