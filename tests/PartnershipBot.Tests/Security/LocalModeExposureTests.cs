using System.Net;
using System.Text;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Security;

/// <summary>
/// Local mode (no auth) must never be reachable from elsewhere: the addresses Kestrel really
/// bound are checked, not just --urls, and a request relayed by a proxy on the same machine is refused.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class LocalModeExposureTests : ChatTest
{
    [Fact]
    public async Task Local_mode_refuses_to_start_when_a_Kestrel_endpoint_binds_every_interface()
    {
        var data = Directory.CreateTempSubdirectory("pb-exposed-").FullName;
        try
        {
            // --urls says loopback, but the Kestrel endpoint from configuration (as Kestrel__Endpoints__Http__Url would) wins.
            await using var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Kestrel:Endpoints:Http:Url", "http://0.0.0.0:0",
                "--Storage:DataDirectory", data, "--Logging:LogLevel:Default", "Critical"]);

            var refusal = await Assert.ThrowsAsync<LocalModeRefusedException>(() => app.StartAsync());

            Assert.Contains("0.0.0.0", refusal.Message, StringComparison.Ordinal);
            await app.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    public async Task Local_mode_refuses_a_request_relayed_by_a_proxy(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(Activity("01-message-personal.json").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(100);
        Assert.Empty(Connector.Calls);
    }
}
