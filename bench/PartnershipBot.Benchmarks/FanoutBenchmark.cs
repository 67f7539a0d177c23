using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Testing;

namespace PartnershipBot.Benchmarks;

/// <summary>
/// N reminders due now, each to its own personal chat, sent by the real host's dispatcher against a
/// Connector stub that enforces Teams' limits (50/s per app, 7/s per conversation, sliding 1 s windows). The
/// ceiling is 50 messages a second; the goal is 45 (90%) with no duplicates and nobody missed.
/// </summary>
internal static class FanoutBenchmark
{
    private const double Ceiling = 50;
    private const double Goal = 45;

    public static async Task RunAsync(int count)
    {
        await using var connector = await TeamsLimitsConnector.StartAsync();
        // The hosted loop is parked (a day between polls) so the run is timed from one explicit dispatch.
        await using var host = await BenchHost.StartAsync(null, "--Reminders:PollInterval", "1.00:00:00");
        var services = host.Services;
        var seedClock = Stopwatch.StartNew();
        await ReminderFanOut.SeedAsync(
            services.GetRequiredService<IConversationReferenceStore>(), services.GetRequiredService<IReminderOutbox>(), connector.ServiceUrl, count,
            services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fan-out: {count} personal chats and reminders stored in {seedClock.Elapsed.TotalSeconds:F1} s (SQLite)"));

        using var memory = new MemorySampler();
        var dispatcher = services.GetRequiredService<ReminderDispatcher>();
        var clock = Stopwatch.StartNew();
        var claimed = await dispatcher.DispatchDueAsync("fanout-bench", CancellationToken.None);
        var elapsed = clock.Elapsed;
        var tally = ReminderFanOut.Tally(connector, count);
        var (peakWorkingSet, peakManaged) = memory.Stop();

        // From the first acceptance to the last: the steady rate the stub saw, free of start-up and tail effects.
        var stamps = connector.Delivered.Select(d => d.Timestamp).Order().ToList();
        var span = stamps.Count > 1 ? Stopwatch.GetElapsedTime(stamps[0], stamps[^1]).TotalSeconds : 0;
        var perSecond = tally.Delivered / elapsed.TotalSeconds;
        var limiter = services.GetRequiredService<ConnectorRateLimiter>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dispatch: {claimed} claimed, {tally.Delivered} delivered in {elapsed.TotalSeconds:F1} s = {perSecond:F1} msg/s ({perSecond / Ceiling:P0} of the {Ceiling:F0}/s ceiling; goal {Goal:F0}/s: {(perSecond >= Goal ? "met" : "NOT met")})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stub-side rate first→last acceptance: {(span > 0 ? (tally.Delivered - 1) / span : 0):F1} msg/s over {span:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"429s received: {connector.Throttled} (limiter pauses taken: {limiter.Pauses}); duplicates: {tally.Duplicates}; missing: {tally.Missing}; other conversations: {tally.Strangers}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set {peakWorkingSet:F0} MiB, peak managed heap {peakManaged:F0} MiB (bot host and stub share this process); {Environment.ProcessorCount} cores"));
    }

    /// <summary>Samples the process's working set and managed heap every 100 ms until stopped.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task sampling;
        private double peakManaged;

        public MemorySampler() => sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false) / (1024.0 * 1024));
                await Task.Delay(100, CancellationToken.None);
            }
        });

        public (double PeakWorkingSetMiB, double PeakManagedMiB) Stop()
        {
            stop.Cancel();
            sampling.Wait();
            using var self = Process.GetCurrentProcess();
            return (self.PeakWorkingSet64 / (1024.0 * 1024), peakManaged);
        }

        public void Dispose() => stop.Dispose();
    }
}
