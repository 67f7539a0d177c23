using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Testing;

namespace PartnershipBot.Benchmarks;

/// <summary>
/// The real host as the process builds it (BotHost.Build) on loopback Kestrel, in this process: channel auth
/// on (tokens from <paramref name="issuer"/>) or, with no issuer, local mode. Only the Entra token is swapped.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string dataDirectory;

    private BenchHost(WebApplication app, string dataDirectory)
    {
        this.app = app;
        this.dataDirectory = dataDirectory;
    }

    public Uri MessagesEndpoint => new(new Uri(app.Urls.First()), "/api/messages");

    public Uri HealthEndpoint => new(new Uri(app.Urls.First()), "/healthz");

    /// <summary>The host's services (the fan-out benchmark seeds the stores and drives the dispatcher through them).</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<BenchHost> StartAsync(ChannelTokenIssuer? issuer, params string[] settings)
    {
        var data = Directory.CreateTempSubdirectory("pb-bench-").FullName;
        string[] auth = issuer is null
            ? []
            : ["--MicrosoftAppId", ChannelTokenIssuer.AppId, "--MicrosoftAppPassword", "unused", "--BotFramework:OpenIdMetadataUrl", issuer.MetadataUrl];
        var app = BotHost.Build(
            ["--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", data, "--Logging:LogLevel:Default", "Critical", .. auth, .. settings],
            services => services.AddSingleton<IBotTokenProvider>(new FixedTokenProvider()));
        await app.StartAsync();
        return new BenchHost(app, data);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private sealed class FixedTokenProvider : IBotTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult<string?>("bench-token");
    }
}
