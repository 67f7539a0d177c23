using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PartnershipBot.Features.Routing;

namespace PartnershipBot;

/// <summary>The <c>Telemetry</c> section.</summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary><c>Telemetry:Console</c>: the bot's traces and metrics to the console.</summary>
    public bool Console { get; set; }
}

/// <summary>
/// OpenTelemetry for the bot's own source and meter (<see cref="BotTelemetry"/>): to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (the Bicep template sets it; the distro adds ASP.NET Core and
/// HttpClient spans, so Connector and Graph calls are traced too), and to the console when <c>Telemetry:Console</c> is
/// true (local runs). With neither, nothing is collected and nothing is exported.
/// </summary>
internal static class TelemetrySetup
{
    public static void AddBotTelemetry(this WebApplicationBuilder builder)
    {
        var insights = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        // Decided while services are being registered (which exporters to add), so bound here rather than through IOptions.
        var console = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>()?.Console ?? false;
        if (string.IsNullOrWhiteSpace(insights) && !console)
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name);
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name);
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        if (!string.IsNullOrWhiteSpace(insights))
        {
            telemetry.UseAzureMonitor(options => options.ConnectionString = insights);
        }
    }
}
