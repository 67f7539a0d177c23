using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Testing;

namespace PartnershipBot.Benchmarks;

/// <summary>
/// Turn throughput: the real host on Kestrel (loopback), channel authentication on (tokens from a loopback
/// OpenID issuer), ToR questions posted at rising concurrency, replies received by a loopback Connector.
/// Prints turns per second and request latency percentiles for each level.
/// </summary>
internal static class TurnBenchmark
{
    private const int TurnsPerLevel = 300;

    public static async Task RunAsync(string repository)
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        await using var connector = await LoopbackConnector.StartAsync();
        var data = Directory.CreateTempSubdirectory("pb-bench-").FullName;
        var app = PartnershipBot.BotHost.Build(
        [
            "--urls", "http://127.0.0.1:0", "--MicrosoftAppId", ChannelTokenIssuer.AppId, "--MicrosoftAppPassword", "unused",
            "--BotFramework:OpenIdMetadataUrl", issuer.MetadataUrl, "--Storage:DataDirectory", data, "--Logging:LogLevel:Default", "Warning",
        ], services => services.AddSingleton<IBotTokenProvider>(new FixedTokenProvider()));
        await app.StartAsync();
        try
        {
            var endpoint = new Uri(new Uri(app.Urls.First()), "/api/messages");
            var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(repository, "tests", "PartnershipBot.Protocol.Tests", "Fixtures", "activities", "01-message-personal.json")))!.AsObject();
            template["serviceUrl"] = connector.ServiceUrl;
            template["text"] = "what's the quorum for the Thurrock Community Safety Partnership Strategic Board?";
            var token = issuer.Mint(connector.ServiceUrl);
            using var client = new HttpClient();
            await RunLevelAsync(client, endpoint, template, token, connector, concurrency: 4, turns: 100); // warm-up
            Console.WriteLine($"turns through /api/messages (auth on, ToR answer, reply to a loopback Connector), {TurnsPerLevel} per level, {Environment.ProcessorCount} cores");
            foreach (var concurrency in new[] { 1, 4, 16, 64 })
            {
                var (perSecond, p50, p99) = await RunLevelAsync(client, endpoint, template, token, connector, concurrency, TurnsPerLevel);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"concurrency {concurrency,3}: {perSecond,7:F0} turns/s  p50 {p50,6:F1} ms  p99 {p99,6:F1} ms"));
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(double PerSecond, double P50, double P99)> RunLevelAsync(
        HttpClient client, Uri endpoint, JsonObject template, string token, LoopbackConnector connector, int concurrency, int turns)
    {
        var latencies = new double[turns];
        var before = connector.SentActivities.Count;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < turns)
            {
                // Many members in many conversations and tenants, as in real load: the client-side limiter keeps
                // each conversation inside Teams' 7 per second and each tenant inside 50 per second.
                var activity = (JsonObject)template.DeepClone();
                activity["id"] = Guid.NewGuid().ToString("N");
                var tenant = $"00000000-0000-0000-0000-{i % 64:D12}";
                activity["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = tenant, ["id"] = $"a:bench-{i}" };
                activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        await connector.WaitForActivitiesAsync(before + turns, TimeSpan.FromSeconds(120));
        var elapsed = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return (turns / elapsed, latencies[turns / 2], latencies[(int)(turns * 0.99)]);
    }

    private sealed class FixedTokenProvider : IBotTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult<string?>("bench-token");
    }
}
