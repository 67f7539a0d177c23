using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Protocol.Connector;

namespace PartnershipBot.Tests.Support;

/// <summary>
/// The real host as the process builds it (BotHost.Build) on a real Kestrel socket at 127.0.0.1, for tests
/// where the transport matters: loopback-only local mode, Content-Length, chunked bodies, dropped connections.
/// </summary>
public sealed class KestrelBotHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string dataDirectory;

    private KestrelBotHost(WebApplication app, string dataDirectory)
    {
        this.app = app;
        this.dataDirectory = dataDirectory;
    }

    /// <summary>e.g. http://127.0.0.1:41234/api/messages</summary>
    public Uri MessagesEndpoint => new(new Uri(app.Urls.First()), "/api/messages");

    /// <summary>e.g. http://127.0.0.1:41234/healthz</summary>
    public Uri HealthEndpoint => new(new Uri(app.Urls.First()), "/healthz");

    /// <summary>Starts the host (logging only what is critical: hostile input makes handlers log their refusals); <paramref name="settings"/> are extra command-line settings (e.g. --MicrosoftAppId ...).</summary>
    public static async Task<KestrelBotHost> StartAsync(params string[] settings)
    {
        var data = Directory.CreateTempSubdirectory("pb-kestrel-").FullName;
        var app = BotHost.Build(
            ["--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", data, "--Logging:LogLevel:Default", "Critical", "--TermsOfReference:Embeddings", "Off", .. settings],
            services => services.AddSingleton<IBotTokenProvider>(new StaticBotTokenProvider(BotHostFactory.BotToken)));
        await app.StartAsync();
        return new KestrelBotHost(app, data);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
