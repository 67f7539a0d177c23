using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Reliability;

/// <summary>
/// The real host (BotHost.Build) on loopback Kestrel in this process, over a given store, with Connector retries
/// shortened so injected faults don't make tests sleep. The caller owns the data.
/// </summary>
public sealed class FanOutHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private FanOutHost(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    /// <summary>Starts a host with <paramref name="settings"/> (configuration keys) on top of the fault-test defaults.</summary>
    public static async Task<FanOutHost> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var defaults = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Critical",
            ["TermsOfReference:Embeddings"] = "Off",
            ["BotFramework:Connector:BaseDelay"] = "00:00:00.010",
            ["BotFramework:Connector:MaxDelay"] = "00:00:00.100",
            // 30% faults: ten retries make a reminder's chance of exhausting them negligible (0.3^11).
            ["BotFramework:Connector:MaxRetries"] = "10",
        };
        foreach (var (key, value) in settings)
        {
            defaults[key] = value;
        }

        var app = BotHost.Build(
            ["--urls", "http://127.0.0.1:0", .. defaults.SelectMany(s => new[] { $"--{s.Key}", s.Value })],
            services => services.AddSingleton<IBotTokenProvider>(new StaticBotTokenProvider(BotHostFactory.BotToken)));
        await app.StartAsync();
        return new FanOutHost(app);
    }

    /// <summary>Seeds <paramref name="count"/> personal chats at <paramref name="connector"/> and a reminder due now for each.</summary>
    public static Task SeedAsync(IDatabase database, TeamsLimitsConnector connector, int count) =>
        ReminderFanOut.SeedAsync(new ConversationReferenceStore(database), new ReminderOutbox(database, TimeProvider.System), connector.ServiceUrl, count, TimeProvider.System.GetUtcNow(), CancellationToken.None);

    /// <summary>How many outbox rows are in each state.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> StatesAsync(IDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string State, long Count)>("SELECT state, COUNT(*) FROM reminders GROUP BY state");
        return rows.ToDictionary(r => r.State, r => (int)r.Count);
    }

    /// <summary>
    /// Waits (up to 30 s) until no reminder is claimed or due: the hosted loop's first poll may have taken a share of
    /// the fan-out in the background, and its sends must finish before anything is counted.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> SettledStatesAsync(IDatabase database)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        IReadOnlyDictionary<string, int> states;
        while ((states = await StatesAsync(database)).ContainsKey("claimed") && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return states;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
