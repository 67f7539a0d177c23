using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Infrastructure.Documents;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Documents;

/// <summary>
/// ToR downloads through the real DI wiring and handler against loopback servers: only listed hosts, no redirect
/// elsewhere, no connection to an address inside the network, and the same message whatever went wrong.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TorDownloadTests : IAsyncLifetime
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("pb-download-").FullName;
    private LoopbackServer files = null!;
    private LoopbackServer other = null!;
    private int otherHits;

    public async Task InitializeAsync()
    {
        other = await LoopbackServer.StartAsync(app => app.MapGet("/secret", () =>
        {
            Interlocked.Increment(ref otherHits);
            return Results.Text("internal data");
        }));
        files = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/files/tor.md", () => Results.Text("# A Board"));
            app.MapGet("/files/moved", () => Results.Redirect("/files/tor.md"));
            app.MapGet("/files/elsewhere", () => Results.Redirect($"http://localhost:{other.BaseAddress.Port}/secret"));
            app.MapGet("/files/gone", () => Results.NotFound());
        });
    }

    public async Task DisposeAsync()
    {
        await files.DisposeAsync();
        await other.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_listed_host_is_fetched_and_a_redirect_on_the_same_host_is_followed()
    {
        var ingestion = Ingestion(["127.0.0.1"], allowLoopback: true);

        Assert.Equal("# A Board"u8.ToArray(), await ingestion.DownloadAsync(new Uri(files.BaseAddress, "/files/tor.md"), 1024, CancellationToken.None));
        Assert.Equal("# A Board"u8.ToArray(), await ingestion.DownloadAsync(new Uri(files.BaseAddress, "/files/moved"), 1024, CancellationToken.None));
    }

    [Fact]
    public async Task A_host_that_is_not_listed_is_never_contacted()
    {
        var ingestion = Ingestion(TorDownloadOptions.DefaultHosts, allowLoopback: true);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ingestion.DownloadAsync(new Uri(other.BaseAddress, "/secret"), 1024, CancellationToken.None));

        Assert.Equal(TorIngestion.DownloadFailedMessage, error.Message);
        Assert.Equal(0, otherHits);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_not_followed()
    {
        var ingestion = Ingestion(["127.0.0.1"], allowLoopback: true);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ingestion.DownloadAsync(new Uri(files.BaseAddress, "/files/elsewhere"), 1024, CancellationToken.None));

        Assert.Equal(TorIngestion.DownloadFailedMessage, error.Message);
        Assert.Equal(0, otherHits);
    }

    [Fact]
    public async Task A_listed_name_that_resolves_to_loopback_is_not_connected_to_outside_tests()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var url = new Uri($"https://localhost:{port}/files/tor.docx");

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => Ingestion(["localhost"], allowLoopback: false).DownloadAsync(url, 1024, CancellationToken.None));
        Assert.Equal(TorIngestion.DownloadFailedMessage, refused.Message);
        Assert.False(listener.Pending(), "the bot connected to a loopback address");

        // The same download with loopback allowed does connect (then fails TLS against a bare socket): the check above is what stopped it.
        var connecting = Ingestion(["localhost"], allowLoopback: true).DownloadAsync(url, 1024, CancellationToken.None);
        using (var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10)))
        {
            accepted.Close();
        }

        Assert.Equal(TorIngestion.DownloadFailedMessage, (await Assert.ThrowsAsync<InvalidDataException>(() => connecting)).Message);
    }

    [Fact]
    public async Task Every_failure_reads_the_same_so_the_bot_is_no_port_scanner()
    {
        var ingestion = Ingestion(["127.0.0.1"], allowLoopback: true);
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        Uri[] failures =
        [
            new(files.BaseAddress, "/files/gone"),
            new($"http://127.0.0.1:{closedPort}/files/tor.md"),
            new("https://intranet.example/files/tor.md"),
            new("ftp://127.0.0.1/files/tor.md"),
        ];
        foreach (var url in failures)
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => ingestion.DownloadAsync(url, 1024, CancellationToken.None));
            Assert.Equal(TorIngestion.DownloadFailedMessage, error.Message);
        }
    }

    [Theory]
    [InlineData("10.0.0.5", false)]
    [InlineData("172.16.4.1", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("::ffff:10.0.0.5", false)]
    [InlineData("64:ff9b::a00:5", false)]
    [InlineData("13.107.136.10", true)]
    [InlineData("2603:1020:201::1", true)]
    public void Only_public_addresses_may_be_connected_to(string address, bool allowed) =>
        Assert.Equal(allowed, SafeDownloadHandler.MayConnect(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("contoso-my.sharepoint.com", true)]
    [InlineData("contoso.sharepoint.com", true)]
    [InlineData("sharepoint.com.evil.example", false)]
    [InlineData("evilsharepoint.com", false)]
    [InlineData("onedrive.live.com", true)]
    [InlineData("public.bn.files.1drv.com", true)]
    public void The_default_hosts_are_SharePoint_and_OneDrive(string host, bool allowed) =>
        Assert.Equal(allowed, new TorDownloadOptions().IsAllowedHost(host));

    private ITorIngestion Ingestion(IReadOnlyList<string> hosts, bool allowLoopback)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["TermsOfReference:SeedDirectory"] = string.Empty,
            ["TermsOfReference:AllowLoopbackDownloads"] = allowLoopback.ToString(),
        };
        for (var i = 0; i < hosts.Count; i++)
        {
            settings[$"TermsOfReference:DownloadHosts:{i}"] = hosts[i];
        }

        var services = new ServiceCollection().AddLogging(l => l.ClearProviders());
        services.AddPartnershipBotStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider().GetRequiredService<ITorIngestion>();
    }
}
