using Azure.Core;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Testing;

namespace PartnershipBot.Protocol.Tests.Connector;

/// <summary>
/// The Connector token: fetched from Entra once and shared by every send until five minutes before it expires,
/// or when the Connector refuses it. How often the credential is asked is the behaviour under test.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class BotTokenProviderTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<TokenCredential> credential = new();
    private int issued;

    public BotTokenProviderTests() =>
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new AccessToken($"token-{Interlocked.Increment(ref issued)}", time.GetUtcNow().AddHours(1)));

    [Fact]
    public async Task Many_concurrent_sends_share_one_token_from_one_request_to_Entra()
    {
        using var provider = new AzureIdentityBotTokenProvider(credential.Object, time);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => provider.GetTokenAsync(false, CancellationToken.None).AsTask())));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        credential.Verify(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task A_token_within_five_minutes_of_expiry_is_replaced_and_a_refused_one_is_refreshed_on_demand()
    {
        using var provider = new AzureIdentityBotTokenProvider(credential.Object, time);
        Assert.Equal("token-1", await provider.GetTokenAsync(false, CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await provider.GetTokenAsync(false, CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await provider.GetTokenAsync(false, CancellationToken.None));
        Assert.Equal("token-3", await provider.GetTokenAsync(true, CancellationToken.None));
        Assert.Equal("token-3", await provider.GetTokenAsync(false, CancellationToken.None));
    }

    [Fact]
    public async Task In_local_mode_there_is_no_token_and_no_credential_to_ask()
    {
        using var provider = new AzureIdentityBotTokenProvider((TokenCredential?)null, time);

        Assert.Null(await provider.GetTokenAsync(false, CancellationToken.None));
    }
}
