using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;

namespace PartnershipBot.Protocol.Tests.Authentication;

/// <summary>
/// A token the validator has already accepted is not re-checked on every request, but the shortcut never
/// outlives what full validation would say: expiry, a changed key set, or any change to the token string.
/// Keys come from a loopback OpenID issuer; time from a fake clock.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class ValidatedTokenTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/uk/";
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private ChannelTokenIssuer issuer = null!;
    private SwappableKeys keys = null!;
    private ChannelTokenValidator validator = null!;

    public async Task InitializeAsync()
    {
        issuer = await ChannelTokenIssuer.StartAsync();
        keys = new SwappableKeys(await FetchKeysAsync());
        validator = new ChannelTokenValidator(Options.Create(new BotFrameworkOptions { MicrosoftAppId = ChannelTokenIssuer.AppId }), keys, time);
    }

    public async Task DisposeAsync() => await issuer.DisposeAsync();

    [Fact]
    public async Task AnAcceptedToken_IsAcceptedAgain_WithTheSameClaims()
    {
        var header = "Bearer " + issuer.Mint(ServiceUrl);

        var first = await validator.ValidateHeaderAsync(header, CancellationToken.None);
        var again = await validator.ValidateHeaderAsync(header, CancellationToken.None);

        Assert.True(first.IsAuthenticated, first.FailureReason);
        Assert.True(again.IsAuthenticated, again.FailureReason);
        Assert.Equal(ServiceUrl, again.ServiceUrlClaim);
        Assert.Null(validator.CheckActivity(again, new Activity { ChannelId = "msteams", ServiceUrl = ServiceUrl }));
    }

    [Fact]
    public async Task AnAcceptedToken_IsRefused_OncePastItsExpiryAndSkew()
    {
        var expires = time.GetUtcNow().UtcDateTime.AddMinutes(10);
        var header = "Bearer " + issuer.Mint(ServiceUrl, notBefore: time.GetUtcNow().UtcDateTime.AddMinutes(-1), expires: expires);
        Assert.True((await validator.ValidateHeaderAsync(header, CancellationToken.None)).IsAuthenticated);

        time.Advance(TimeSpan.FromMinutes(10 + 5) + TimeSpan.FromSeconds(1));

        Assert.False((await validator.ValidateHeaderAsync(header, CancellationToken.None)).IsAuthenticated);
    }

    [Fact]
    public async Task AfterTheKeysAreRefreshed_AnAcceptedToken_IsJudgedByTheNewKeys()
    {
        var header = "Bearer " + issuer.Mint(ServiceUrl);
        Assert.Null(validator.CheckActivity(await validator.ValidateHeaderAsync(header, CancellationToken.None), new Activity { ChannelId = "msteams", ServiceUrl = ServiceUrl }));

        // The channel withdraws the key's endorsement for Teams; the refreshed key set must be what counts.
        issuer.Endorsements.Clear();
        keys.Current = await FetchKeysAsync();
        var after = await validator.ValidateHeaderAsync(header, CancellationToken.None);

        Assert.Equal("signing key is not endorsed for the activity's channel", validator.CheckActivity(after, new Activity { ChannelId = "msteams", ServiceUrl = ServiceUrl }));
    }

    [Fact]
    public async Task AnyChangeToAnAcceptedToken_IsValidatedInFull_AndRefused()
    {
        var token = issuer.Mint(ServiceUrl);
        Assert.True((await validator.ValidateHeaderAsync("Bearer " + token, CancellationToken.None)).IsAuthenticated);
        var lastSignatureCharacter = token[^1] == 'A' ? 'B' : 'A';

        var tampered = await validator.ValidateHeaderAsync("Bearer " + token[..^1] + lastSignatureCharacter, CancellationToken.None);
        var otherKey = await validator.ValidateHeaderAsync("Bearer " + issuer.Mint(ServiceUrl, signWithOtherKey: true), CancellationToken.None);

        Assert.False(tampered.IsAuthenticated);
        Assert.False(otherKey.IsAuthenticated);
    }

    private Task<OpenIdConnectConfiguration> FetchKeysAsync() =>
        OpenIdConnectConfigurationRetriever.GetAsync(issuer.MetadataUrl, new HttpDocumentRetriever { RequireHttps = false }, CancellationToken.None);

    /// <summary>The metadata as ConfigurationManager serves it (one cached instance until a refresh), refreshed on demand by the test.</summary>
    private sealed class SwappableKeys(OpenIdConnectConfiguration current) : IConfigurationManager<OpenIdConnectConfiguration>
    {
        public OpenIdConnectConfiguration Current { get; set; } = current;

        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Task.FromResult(Current);

        public void RequestRefresh()
        {
        }
    }
}
