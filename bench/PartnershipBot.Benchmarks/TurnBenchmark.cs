using System.Globalization;
using System.Text.Json.Nodes;
using PartnershipBot.Testing;

namespace PartnershipBot.Benchmarks;

/// <summary>
/// Turn throughput: the real host on Kestrel (loopback, in this process), channel authentication on (tokens
/// from a loopback OpenID issuer), ToR questions posted at rising concurrency, replies received by a loopback
/// Connector. Then the same load against two baselines run as their own processes: the Bot Framework JS SDK
/// echo bot (bench/botbuilder-echo) and a bare ASP.NET Core echo (bench/MinimalEcho).
/// </summary>
internal static class TurnBenchmark
{
    // Enough turns for the JIT's tiered compilation to reach its optimised code on every path of a turn (a few
    // hundred turns still ran partly unoptimised code and measured start-up, not steady state).
    private const int WarmUpTurns = 2_000;
    private static readonly int[] ConcurrencyLevels = [1, 4, 16, 64];

    /// <summary>
    /// Runtime settings tried on the own-process bot (<c>turns variants</c>), each beside the default in one run: the
    /// environment variables the .NET runtime reads, and configuration given as arguments.
    /// </summary>
    private static readonly (string Name, Dictionary<string, string> Environment, string[] Arguments)[] Variants =
    [
        ("as shipped", [], []),
        ("server GC", new() { ["DOTNET_gcServer"] = "1" }, []),
        ("no tiered PGO", new() { ["DOTNET_TieredPGO"] = "0" }, []),
        ("quick JIT for loops off", new() { ["DOTNET_TC_QuickJitForLoops"] = "0" }, []),
        ("turn log at Warning", [], ["--Logging:LogLevel:PartnershipBot.Turns", "Warning"]),
        ("all logging at Warning", [], ["--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:PartnershipBot.Turns", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"]),
    ];

    /// <summary>
    /// The comparison as users run the bot: the built PartnershipBot in local mode as its own process, against the
    /// botbuilder-js echo, in one run. With <paramref name="variants"/> each of <see cref="Variants"/> in turn.
    /// </summary>
    public static async Task RunOwnProcessAsync(string repository, bool variants, int turnsPerLevel)
    {
        var template = await TemplateAsync(repository);
        using var client = new HttpClient();
        Console.WriteLine($"turns, own process: {turnsPerLevel} per level after {WarmUpTurns} warm-up, {Environment.ProcessorCount} cores");
        var measured = new List<(string Name, IReadOnlyList<TurnFigures> Figures)>();
        foreach (var (name, environment, arguments) in variants ? Variants : Variants[..1])
        {
            measured.Add(($"ours, own process ({name})", await MeasureOwnProcessAsync(repository, client, template, name, environment, arguments, turnsPerLevel)));
        }

        var botbuilder = await MeasureBaselineAsync(client, template, "botbuilder-js 4.23.3 echo (CloudAdapter, no auth)", Baselines.StartBotbuilderEchoAsync(repository), turnsPerLevel);
        Compare(measured, botbuilder);
    }

    public static async Task RunAsync(string repository, bool oursOnly, int turnsPerLevel)
    {
        var template = await TemplateAsync(repository);
        using var client = new HttpClient();
        Console.WriteLine($"turns: {turnsPerLevel} per level after {WarmUpTurns} warm-up, {Environment.ProcessorCount} cores; a turn ends when its reply reaches the loopback Connector");

        var ours = await MeasureOursAsync(client, template, turnsPerLevel);
        if (oursOnly)
        {
            return;
        }

        var own = await MeasureOwnProcessAsync(repository, client, template, Variants[0].Name, [], [], turnsPerLevel);
        var botbuilder = await MeasureBaselineAsync(client, template, "botbuilder-js 4.23.3 echo (CloudAdapter, no auth)", Baselines.StartBotbuilderEchoAsync(repository), turnsPerLevel);
        var bare = await MeasureBaselineAsync(client, template, "bare ASP.NET Core echo (minimal API, no auth)", Baselines.StartMinimalEchoAsync(repository), turnsPerLevel);

        Console.WriteLine();
        Console.WriteLine("ratios per level: ours/botbuilder-js turns/s (goal >= 3x), ours/bare-echo p99 (goal <= 2x), botbuilder-js/ours CPU per turn");
        foreach (var level in ours)
        {
            var js = botbuilder?.Single(f => f.Concurrency == level.Concurrency);
            var echo = bare?.Single(f => f.Concurrency == level.Concurrency);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"concurrency {level.Concurrency,3}: throughput {Ratio(level.PerSecond, js?.PerSecond)}  p99 {Ratio(level.P99, echo?.P99)}  cpu {Ratio(js?.CpuMsPerTurn ?? 0, js is null ? null : level.CpuMsPerTurn)}"));
        }

        if (botbuilder is not null && bare is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak: ours {ours.Max(f => f.PerSecond):F0}/s, botbuilder-js {botbuilder.Max(f => f.PerSecond):F0}/s ({Ratio(ours.Max(f => f.PerSecond), botbuilder.Max(f => f.PerSecond))}), bare echo {bare.Max(f => f.PerSecond):F0}/s"));
        }

        Compare([("ours, in process", ours), ("ours, own process", own)], botbuilder);
    }

    /// <summary>Each of ours against botbuilder-js from the same run: peak turns/s ratio (goal >= 3x) and p99 per level (goal: at most botbuilder-js's).</summary>
    private static void Compare(IReadOnlyList<(string Name, IReadOnlyList<TurnFigures> Figures)> ours, IReadOnlyList<TurnFigures>? botbuilder)
    {
        if (botbuilder is null)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"against botbuilder-js (peak {botbuilder.Max(f => f.PerSecond):F0}/s; p99 {string.Join(" / ", botbuilder.Select(f => f.P99.ToString("F1", CultureInfo.InvariantCulture)))} ms at {string.Join(" / ", ConcurrencyLevels)})"));
        foreach (var (name, figures) in ours)
        {
            var p99 = string.Join(" / ", figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.P99:F1}{(f.P99 <= botbuilder.Single(b => b.Concurrency == f.Concurrency).P99 ? "" : "!")}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: peak {figures.Max(f => f.PerSecond):F0}/s = {Ratio(figures.Max(f => f.PerSecond), botbuilder.Max(f => f.PerSecond))}; p99 {p99} ms (! = above botbuilder-js's)"));
        }
    }

    private static async Task<JsonObject> TemplateAsync(string repository)
    {
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(repository, "tests", "PartnershipBot.Protocol.Tests", "Fixtures", "activities", "01-message-personal.json")))!.AsObject();
        template["text"] = "what's the quorum for the Thurrock Community Safety Partnership Strategic Board?";
        return template;
    }

    /// <summary>
    /// The built PartnershipBot as users run it: its own process, local mode (no app id, so no channel token and a
    /// loopback serviceUrl only), its shipped appsettings and logging to the console, a fresh data directory.
    /// </summary>
    private static async Task<IReadOnlyList<TurnFigures>> MeasureOwnProcessAsync(
        string repository, HttpClient client, JsonObject template, string variant, Dictionary<string, string> environment, string[] arguments, int turns)
    {
        var dll = Baselines.BuiltOutput(repository, Path.Combine("src", "PartnershipBot"), "PartnershipBot.dll");
        var data = Directory.CreateTempSubdirectory("pb-bench-own-").FullName;
        try
        {
            await using var connector = await LoopbackConnector.StartAsync();
            using var bot = await ChildProcess.StartAsync("dotnet", [dll, "--urls", "http://127.0.0.1:{port}", "--Storage:DataDirectory", data, .. arguments],
                Path.GetDirectoryName(dll), environment);
            var target = new TurnTarget($"PartnershipBot, own process, local mode, ToR answer ({variant})", new Uri(bot.BaseAddress, "api/messages"), null, connector, () => bot.ProcessorTime);
            return await MeasureAsync(client, template, target, turns);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<TurnFigures>> MeasureOursAsync(HttpClient client, JsonObject template, int turns)
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        await using var connector = await LoopbackConnector.StartAsync();
        await using var host = await BenchHost.StartAsync(issuer);
        var target = new TurnTarget("PartnershipBot (auth on, ToR answer)", host.MessagesEndpoint, issuer.Mint(connector.ServiceUrl), connector);
        return await MeasureAsync(client, template, target, turns);
    }

    private static async Task<IReadOnlyList<TurnFigures>?> MeasureBaselineAsync(HttpClient client, JsonObject template, string name, Task<ChildProcess?> starting, int turns)
    {
        await using var connector = await LoopbackConnector.StartAsync();
        using var baseline = await starting;
        if (baseline is null)
        {
            return null;
        }

        return await MeasureAsync(client, template, new TurnTarget(name, new Uri(baseline.BaseAddress, "api/messages"), null, connector, () => baseline.ProcessorTime), turns);
    }

    private static async Task<IReadOnlyList<TurnFigures>> MeasureAsync(HttpClient client, JsonObject template, TurnTarget target, int turns)
    {
        var activities = (JsonObject)template.DeepClone();
        activities["serviceUrl"] = target.Connector.ServiceUrl;
        // Warm-up: JIT, connection pools and first-use caches, so the levels measure steady state.
        await TurnLoad.RunLevelAsync(client, target, activities, concurrency: 16, turns: WarmUpTurns);
        Console.WriteLine();
        Console.WriteLine(target.Name);
        var figures = new List<TurnFigures>();
        foreach (var concurrency in ConcurrencyLevels)
        {
            var level = await TurnLoad.RunLevelAsync(client, target, activities, concurrency, turns);
            figures.Add(level);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"concurrency {concurrency,3}: {level.PerSecond,7:F0} turns/s  p50 {level.P50,6:F1} ms  p99 {level.P99,6:F1} ms  cpu {level.CpuMsPerTurn,5:F2} ms/turn"));
        }

        return figures;
    }

    private static string Ratio(double ours, double? theirs) =>
        theirs is { } t ? string.Create(CultureInfo.InvariantCulture, $"{ours / t,5:F2}x") : "  n/a";
}
