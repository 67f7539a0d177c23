using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Protocol.Connector;

namespace PartnershipBot.Tests.Support;

/// <summary>
/// The real host in-process, with settings layered on top and its own data folder, or <paramref name="dataDirectory"/>
/// (another host's, to restart over the same data; left in place on dispose).
/// </summary>
public sealed class BotHostFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, string? dataDirectory = null) : WebApplicationFactory<Program>
{
    /// <summary>The bearer token the bot presents to the Connector in tests (no Entra ID here).</summary>
    public const string BotToken = "test-bot-token";

    public string DataDirectory { get; } = dataDirectory ?? Directory.CreateTempSubdirectory("pb-host-").FullName;

    /// <summary>Leave the data folder on dispose (a restart test hands it to the next host, which then owns it).</summary>
    public bool KeepDataOnDispose { get; set; } = dataDirectory is not null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        // Each host would load a 350 MB model in the background; tests that want it say TermsOfReference:Embeddings=On.
        builder.UseSetting("TermsOfReference:Embeddings", "Off");
        // Tests must not wait on real backoff when a scripted fault is retried.
        builder.UseSetting("BotFramework:Connector:BaseDelay", "00:00:00.050");
        // The file servers standing in for SharePoint are loopback Kestrel servers on 127.0.0.1.
        builder.UseSetting("TermsOfReference:DownloadHosts:0", "127.0.0.1");
        builder.UseSetting("TermsOfReference:AllowLoopbackDownloads", "true");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s =>
        {
            if (!string.IsNullOrEmpty(settings.GetValueOrDefault("MicrosoftAppId")))
            {
                s.AddSingleton<IBotTokenProvider>(new StaticBotTokenProvider(BotToken));
            }

            services?.Invoke(s);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDataOnDispose && Directory.Exists(DataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}

/// <summary>A token provider that hands out a fixed token, standing in for Entra ID.</summary>
public sealed class StaticBotTokenProvider(string token) : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
}
