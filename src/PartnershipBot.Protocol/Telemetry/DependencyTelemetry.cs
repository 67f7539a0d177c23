using System.Diagnostics.Metrics;
using System.Net;

namespace PartnershipBot.Protocol.Telemetry;

/// <summary>
/// Metrics about the services the bot calls. Lives in the protocol layer, the innermost, so both the Connector
/// client here and the Graph client in Infrastructure count through one instrument on the bot's meter.
/// Tags name the dependency only, never the user, conversation or URL.
/// </summary>
public sealed class DependencyTelemetry
{
    /// <summary>The meter (and ActivitySource) name the bot's telemetry is read by.</summary>
    public const string MeterName = "PartnershipBot";

    /// <summary>The Bot Connector (Teams' REST API for replies and proactive sends).</summary>
    public const string Connector = "connector";

    /// <summary>Microsoft Graph (Outlook calendars).</summary>
    public const string Graph = "graph";

    private readonly Counter<long> throttled;

    /// <summary>Creates the instruments on the host's <paramref name="meters"/>.</summary>
    public DependencyTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        throttled = meters.Create(MeterName).CreateCounter<long>(
            "partnershipbot.dependency.throttled",
            description: "HTTP 429 responses from the Bot Connector and Microsoft Graph, by dependency; every response counts, retries included");
    }

    /// <summary>A handler that counts the 429s <paramref name="dependency"/> returns; place it next to the network, inside any retry handler.</summary>
    public DelegatingHandler CountThrottling(string dependency) => new ThrottleCountingHandler(this, dependency);

    private void Throttled(string dependency) => throttled.Add(1, new KeyValuePair<string, object?>("dependency", dependency));

    private sealed class ThrottleCountingHandler(DependencyTelemetry telemetry, string dependency) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                telemetry.Throttled(dependency);
            }

            return response;
        }
    }
}
