using Microsoft.Extensions.Options;
using PartnershipBot.Features;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.Routing;
using PartnershipBot.Health;
using PartnershipBot.Hosting;
using PartnershipBot.Infrastructure;
using PartnershipBot.Infrastructure.Semantic;
using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Tab;

namespace PartnershipBot;

/// <summary>Builds the web host that serves the bot.</summary>
public static partial class BotHost
{
    /// <summary>The address used when neither --urls nor ASPNETCORE_URLS is given.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>Creates the configured web application, or refuses (with the reason) when the set-up is unsafe.</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = AppContentRoot.CreateBuilder(args);
        var urls = builder.Configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = DefaultUrl;
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddPartnershipBotStorage(builder.Configuration);
        builder.Services.AddPartnershipBotCalendar();
        builder.Services.AddSentenceEmbeddings();
        builder.Services.AddPartnershipBotFeatures();
        builder.AddBotTelemetry();
        // Local mode: after binding, the addresses Kestrel really listens on must all be loopback (not just --urls).
        builder.Services.AddHostedService<LocalModeBindingCheck>();
        builder.Services.AddHostedService<ReminderDispatchService>();
        builder.Services.AddHostedService<ReminderQueueSampleService>();
        builder.Services.AddBotHealth();
        builder.Services.AddHostedService<CalendarSyncService>();
        builder.Services.AddSecretariatTab();
        // Benchmarks and tools compose the real host and swap an outside dependency (e.g. the Entra token).
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        // Every setting checked now, naming the key, rather than when the first message or background pass reads it.
        StartupSettings.Check(app.Services);
        var bot = app.Services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        LocalModeGuard.EnsureSafe(bot, urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (bot.IsLocalMode)
        {
            LogLocalMode(app.Logger);
        }

        // Fail at start-up, not on the first message, if two features claim the same route.
        _ = app.Services.GetRequiredService<RouteTable>();
        // ... and if Outlook booking is configured without a usable credential.
        _ = app.Services.GetRequiredService<IBoardCalendar>();
        // The model loads in the background: the bot answers lexically until it is ready.
        app.Services.StartSentenceEmbeddings();

        app.MapBotHealth();
        app.MapBotEndpoint();
        app.MapSecretariatTab();
        return app;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "MicrosoftAppId is empty: local mode. Channel authentication is OFF; only loopback callers and loopback serviceUrls are accepted (for the Agents Playground). Never run like this in production.")]
    private static partial void LogLocalMode(ILogger logger);
}

/// <summary>The body of <c>/healthz</c>.</summary>
/// <param name="Status">"ok" when the host is serving.</param>
public sealed record HealthStatus(string Status);
