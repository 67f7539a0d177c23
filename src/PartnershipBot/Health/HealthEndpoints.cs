using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PartnershipBot.Health;

/// <summary>
/// Liveness stays <c>/healthz</c> (the process serves; external checks rely on it answering 200); readiness is
/// <c>/healthz/ready</c>: the database is reachable and migrated, and the reminder dispatcher is alive and not stuck.
/// App Service's health check uses readiness, so an instance that cannot do its work is taken out of rotation.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The readiness path.</summary>
    public const string ReadyPath = "/healthz/ready";

    private const string ReadyTag = "ready";

    /// <summary>Registers the readiness checks and the dispatcher's heartbeat.</summary>
    public static IServiceCollection AddBotHealth(this IServiceCollection services)
    {
        services.AddSingleton<DispatcherHeartbeat>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<DispatcherHealthCheck>("reminderDispatcher", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <c>/healthz</c> (liveness, unchanged) and <c>/healthz/ready</c> (readiness, 503 when not ready).</summary>
    public static WebApplication MapBotHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Ok(new HealthStatus("ok")));
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
