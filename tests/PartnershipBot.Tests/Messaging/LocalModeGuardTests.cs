using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Messaging;

[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class LocalModeGuardTests
{
    [Theory]
    [InlineData("http://localhost:3978")]
    [InlineData("http://127.0.0.1:3978")]
    [InlineData("http://[::1]:3978")]
    public void EnsureSafe_LocalModeOnLoopback_Starts(string url) =>
        LocalModeGuard.EnsureSafe(new BotFrameworkOptions(), [url]);

    [Theory]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://*:3978")]
    [InlineData("http://+:80")]
    [InlineData("http://bot.example.org:3978")]
    public void EnsureSafe_LocalModeOnOtherAddresses_RefusesAndSaysWhy(string url)
    {
        var ex = Assert.Throws<LocalModeRefusedException>(() => LocalModeGuard.EnsureSafe(new BotFrameworkOptions(), ["http://localhost:3978", url]));

        Assert.Contains("MicrosoftAppId", ex.Message, StringComparison.Ordinal);
        Assert.Contains(url, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureSafe_WithAppId_AllowsAnyAddress() =>
        LocalModeGuard.EnsureSafe(new BotFrameworkOptions { MicrosoftAppId = "00000000-0000-0000-0000-00000000b075" }, ["http://0.0.0.0:8080"]);
}
