using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>
/// Channel authentication through the real host: tokens minted here with a local RSA key whose OpenID
/// metadata is served on loopback. Every forged or broken token gets 401 and reaches no handler.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ChannelAuthenticationTests : IAsyncLifetime
{
    private ChannelTokenIssuer issuer = null!;
    private LoopbackConnector connector = null!;
    private BotHostFactory host = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        issuer = await ChannelTokenIssuer.StartAsync();
        connector = await LoopbackConnector.StartAsync();
        host = new BotHostFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = ChannelTokenIssuer.AppId,
            ["MicrosoftAppPassword"] = "not-used-because-the-token-provider-is-replaced",
            ["BotFramework:OpenIdMetadataUrl"] = issuer.MetadataUrl,
        });
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        await connector.DisposeAsync();
        await issuer.DisposeAsync();
    }

    [Fact]
    public async Task ValidToken_IsAcceptedAndTheBotReplies()
    {
        var status = await PostAsync("Bearer " + issuer.Mint(connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, status);
        var replies = await connector.WaitForActivitiesAsync(1);
        Assert.Single(replies);
        Assert.Equal("Bearer " + BotHostFactory.BotToken, connector.Calls.First().Authorization);
    }

    public static TheoryData<string> BrokenHeaders => new() { "", "Bearer", "Bearer  ", "bearer abc.def.ghi", "Basic dXNlcjpwYXNz", "Bearer not-a-jwt" };

    [Theory]
    [MemberData(nameof(BrokenHeaders))]
    public async Task MissingOrMalformedHeader_Is401(string header) => await AssertRejectedAsync(header);

    [Fact]
    public Task WrongIssuer_Is401() => AssertRejectedAsync("Bearer " + issuer.Mint(connector.ServiceUrl, issuer: "https://evil.example.com"));

    [Fact]
    public Task WrongAudience_Is401() => AssertRejectedAsync("Bearer " + issuer.Mint(connector.ServiceUrl, audience: "11111111-2222-3333-4444-555555555555"));

    [Fact]
    public Task Expired_Is401() => AssertRejectedAsync("Bearer " + issuer.Mint(
        connector.ServiceUrl, notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-6)));

    [Fact]
    public Task NotYetValid_Is401() => AssertRejectedAsync("Bearer " + issuer.Mint(
        connector.ServiceUrl, notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddHours(1)));

    [Fact]
    public async Task ExpiredWithinFiveMinuteSkew_IsAccepted()
    {
        var status = await PostAsync("Bearer " + issuer.Mint(connector.ServiceUrl, notBefore: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddMinutes(-3)));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public Task WrongSignatureWithKnownKeyId_Is401() => AssertRejectedAsync("Bearer " + issuer.Mint(connector.ServiceUrl, signWithOtherKey: true));

    [Fact]
    public async Task UnknownKeyId_Is401AfterRefreshingTheKeys()
    {
        await AssertRejectedAsync("Bearer " + issuer.Mint(connector.ServiceUrl, keyId: "rotated-key-we-never-published", signWithOtherKey: true));
    }

    [Fact]
    public Task AlgNone_Is401() => AssertRejectedAsync("Bearer " + ChannelTokenIssuer.MintUnsigned(connector.ServiceUrl));

    [Fact]
    public Task Hs256KeyedWithThePublicKey_Is401() => AssertRejectedAsync("Bearer " + issuer.MintHmacWithPublicKey(connector.ServiceUrl));

    [Fact]
    public Task KeyNotEndorsedForTheActivitysChannel_Is401() =>
        AssertRejectedAsync("Bearer " + issuer.Mint(connector.ServiceUrl), a => a["channelId"] = "directline");

    [Fact]
    public Task ServiceUrlClaimMismatch_Is401() =>
        AssertRejectedAsync("Bearer " + issuer.Mint("https://attacker.example.com/"));

    [Fact]
    public Task ServiceUrlClaimMissing_Is401() =>
        AssertRejectedAsync("Bearer " + issuer.Mint(connector.ServiceUrl, includeServiceUrl: false));

    [Fact]
    public async Task Rs512Token_IsAccepted()
    {
        var status = await PostAsync("Bearer " + issuer.Mint(connector.ServiceUrl, algorithm: Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha512));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private async Task AssertRejectedAsync(string authorization, Action<JsonObject>? edit = null)
    {
        using var request = Request(authorization, edit);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await Task.Delay(100);
        Assert.Empty(connector.Calls);
    }

    private async Task<HttpStatusCode> PostAsync(string authorization)
    {
        using var request = Request(authorization, null);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private HttpRequestMessage Request(string authorization, Action<JsonObject>? edit)
    {
        var body = Fixtures.Activity("01-message-personal.json", connector.ServiceUrl, edit);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }
}
