using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using PartnershipBot.Infrastructure.Graph;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Protocol.Telemetry;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Telemetry;

/// <summary>
/// 429s from the Connector and from Graph are counted by dependency through the host's own HTTP pipelines, against
/// loopback servers that answer 429 with Retry-After as the real services do; the retried call still succeeds.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ThrottlingMetricsTests : ChatTest
{
    private const string Throttled = "partnershipbot.dependency.throttled";
    private const string Mailbox = "secretariat@richmond.example";
    private LoopbackGraph graph = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Graph:BaseUrl"] = graph.BaseUrl.ToString(),
        ["Graph:OrganizerMailbox"] = Mailbox,
        ["Graph:SyncInterval"] = "1.00:00:00",
        ["Reminders:PollInterval"] = "1.00:00:00",
    };

    public override async Task InitializeAsync()
    {
        graph = await LoopbackGraph.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await graph.DisposeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(new GraphCredential(new FakeGraphCredential()));

    [Fact]
    public async Task A_Connector_429_is_counted_as_the_connector_and_nothing_else()
    {
        using var metrics = new MetricCapture(Host.Services.GetRequiredService<IMeterFactory>());
        Connector.FailNext(429, retryAfterSeconds: "0");
        Connector.FailNext(429, retryAfterSeconds: "0");

        var result = await Host.Services.GetRequiredService<IConnectorClient>().SendToConversationAsync(
            Connector.ServiceUrl, "a:throttled-chat", new Activity { Type = ActivityTypes.Message, Text = "hello" }, CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, metrics.Sum(Throttled, ("dependency", DependencyTelemetry.Connector)));
        Assert.Equal(0, metrics.Sum(Throttled, ("dependency", DependencyTelemetry.Graph)));
        Assert.DoesNotContain(metrics.Sums.Keys, k => k.Contains("throttled-chat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Graph_429_is_counted_as_graph_inside_the_SDKs_retry()
    {
        using var metrics = new MetricCapture(Host.Services.GetRequiredService<IMeterFactory>());
        graph.FailNext(429, retryAfterSeconds: "0");

        var view = await Host.Services.GetRequiredService<GraphServiceClient>().Users[Mailbox].CalendarView.GetAsync(request =>
        {
            request.QueryParameters.StartDateTime = "2026-12-01T00:00:00Z";
            request.QueryParameters.EndDateTime = "2026-12-31T00:00:00Z";
        });

        Assert.NotNull(view?.Value);
        Assert.Equal(2, graph.Calls.Count);
        Assert.Equal(1, metrics.Sum(Throttled, ("dependency", DependencyTelemetry.Graph)));
        Assert.Equal(0, metrics.Sum(Throttled, ("dependency", DependencyTelemetry.Connector)));
        Assert.DoesNotContain(metrics.Sums.Keys, k => k.Contains(Mailbox, StringComparison.Ordinal));
    }
}
