using System.Diagnostics;
using System.Globalization;
using PartnershipBot.Testing;

namespace PartnershipBot.Benchmarks;

/// <summary>
/// Hostile input at volume: the malformed, oversized and wrong-typed activities and card submissions of
/// <see cref="HostileRequests"/> against the real host, in local mode and with valid channel tokens, then the
/// forged tokens. Prints the answers by status, the heap and working set before and after, and health.
/// (tests/PartnershipBot.Tests/Hostile runs a short version of this and asserts it.)
/// </summary>
internal static class HostileBenchmark
{
    private const int Concurrency = 8;

    public static async Task RunAsync(int requests)
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        await using var connector = await LoopbackConnector.StartAsync();
        using var client = new HttpClient();
        Console.WriteLine($"hostile input: {requests} requests per mode over {HostileRequests.CaseCount} cases, concurrency {Concurrency}, {Environment.ProcessorCount} cores");

        await using (var local = await BenchHost.StartAsync(issuer: null))
        {
            await RunModeAsync("local mode (no app id, loopback)", client, local, connector, bearerToken: null, requests);
        }

        await using var authenticated = await BenchHost.StartAsync(issuer);
        await RunModeAsync("channel auth on, valid token", client, authenticated, connector, issuer.Mint(connector.ServiceUrl), requests);

        Console.WriteLine();
        Console.WriteLine("forged tokens on a well-formed message (auth on):");
        var forged = ForgedTokens.All(issuer, connector.ServiceUrl);
        for (var i = 0; i < forged.Count; i++)
        {
            var (status, error) = await HostileInputRun.SendOneAsync(client, authenticated.MessagesEndpoint, HostileRequests.WellFormedMessage(i, connector.ServiceUrl), forged[i].Token);
            Console.WriteLine($"  {forged[i].Forgery,-36} {status}{(status == 401 ? string.Empty : "  <-- expected 401 " + error)}");
        }
    }

    private static async Task RunModeAsync(string mode, HttpClient client, BenchHost host, LoopbackConnector connector, string? bearerToken, int requests)
    {
        // One of each first, so the figures after show growth rather than first-use caches and JIT.
        await HostileInputRun.SendAsync(client, host.MessagesEndpoint, connector.ServiceUrl, bearerToken, 0, HostileRequests.CaseCount, Concurrency);
        var heapBefore = HeapMiB();
        var workingSetBefore = WorkingSetMiB();
        var clock = Stopwatch.StartNew();

        var tally = await HostileInputRun.SendAsync(client, host.MessagesEndpoint, connector.ServiceUrl, bearerToken, HostileRequests.CaseCount, requests, Concurrency);

        var elapsed = clock.Elapsed;
        var heapAfter = HeapMiB();
        var workingSetAfter = WorkingSetMiB();
        using var health = await client.GetAsync(host.HealthEndpoint);
        Console.WriteLine();
        Console.WriteLine(mode);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {requests} requests in {elapsed.TotalSeconds:F1} s ({requests / elapsed.TotalSeconds:F0}/s)"));
        Console.WriteLine("  by status: " + string.Join(", ", tally.ByStatus().Select(s => $"{(s.Status == 0 ? "no answer" : s.Status.ToString(CultureInfo.InvariantCulture))}: {s.Count}")));
        Console.WriteLine($"  5xx: {tally.ByStatus().Where(s => s.Status >= 500).Sum(s => s.Count)}{string.Concat(tally.CasesWithServerErrors().Select(c => "\n    " + c))}");
        foreach (var (error, count) in tally.TransportErrors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  no HTTP answer: {error} x{count}");
        }

        Console.WriteLine($"  /healthz after: {(int)health.StatusCode}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  managed heap (after full GC): {heapBefore:F1} -> {heapAfter:F1} MiB; working set: {workingSetBefore:F0} -> {workingSetAfter:F0} MiB (this process: host, load generator and loopback peers)"));
        Console.WriteLine("  by case: " + string.Join("; ", tally.Counts
            .GroupBy(c => c.Key.Case)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} -> {string.Join("/", g.OrderBy(c => c.Key.Status).Select(c => c.Key.Status.ToString(CultureInfo.InvariantCulture)))}")));
    }

    private static double HeapMiB() => GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024);

    private static double WorkingSetMiB()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / (1024.0 * 1024);
    }
}
