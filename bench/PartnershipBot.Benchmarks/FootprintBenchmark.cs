using System.Globalization;
using System.Text.Json.Nodes;
using PartnershipBot.Testing;

namespace PartnershipBot.Benchmarks;

/// <summary>
/// Footprint of the bot as it is deployed: the built PartnershipBot.dll run as its own process (local mode,
/// a temp data folder). Time from process start to /healthz 200 (cold, several starts), working set idle,
/// and working set after a load run of ToR questions; once with <c>TermsOfReference:Embeddings</c> Off and once On,
/// where it also times the model's background load and the embedding of the seeded sample ToRs.
/// </summary>
internal static class FootprintBenchmark
{
    private const int Starts = 5;
    private const int LoadTurns = 2000;
    private const int LoadConcurrency = 16;

    // The embedder's own log lines mark when its background work is done.
    private const string EmbedderCategory = "PartnershipBot.Infrastructure.Semantic.ArcticSentenceEmbedder";

    public static async Task RunAsync(string repository)
    {
        var dll = Baselines.BuiltOutput(repository, Path.Combine("src", "PartnershipBot"), "PartnershipBot.dll");
        Console.WriteLine($"footprint of {Path.GetRelativePath(repository, dll)} as its own process, {Environment.ProcessorCount} cores");
        foreach (var embeddings in new[] { "Off", "On" })
        {
            await RunModeAsync(repository, dll, embeddings);
        }
    }

    private static async Task RunModeAsync(string repository, string dll, string embeddings)
    {
        var startups = new List<double>();
        var modelReady = new List<double>();
        var samplesEmbedded = new List<double>();
        for (var run = 0; run < Starts; run++)
        {
            var data = Directory.CreateTempSubdirectory("pb-footprint-").FullName;
            try
            {
                using var bot = await StartBotAsync(dll, data, embeddings);
                startups.Add(bot.Startup.TotalMilliseconds);
                if (embeddings == "On")
                {
                    // Once the model is loaded the bot loads its library (the seeded samples), which embeds their passages.
                    modelReady.Add((await bot.WhenPrintedAsync("Sentence embeddings ready", TimeSpan.FromSeconds(60)))?.TotalMilliseconds ?? double.NaN);
                    samplesEmbedded.Add((await bot.WhenPrintedAsync("new passages of", TimeSpan.FromSeconds(120)))?.TotalMilliseconds ?? double.NaN);
                }

                if (run == Starts - 1)
                {
                    await MeasureMemoryAsync(repository, bot, embeddings);
                }
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        startups.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[embeddings {embeddings}] start to /healthz 200: median {startups[Starts / 2]:F0} ms, min {startups[0]:F0} ms, max {startups[^1]:F0} ms over {Starts} starts"));
        if (modelReady.Count > 0)
        {
            modelReady.Sort();
            samplesEmbedded.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[embeddings {embeddings}] start to model loaded (answers hybrid): median {modelReady[Starts / 2]:F0} ms; to the sample ToRs' passages embedded: median {samplesEmbedded[Starts / 2]:F0} ms"));
        }
    }

    private static Task<ChildProcess> StartBotAsync(string dll, string data, string embeddings) =>
        ChildProcess.StartAsync("dotnet", [dll, "--urls", "http://127.0.0.1:{port}", "--Storage:DataDirectory", data, "--Logging:LogLevel:Default", "Warning",
            $"--Logging:LogLevel:{EmbedderCategory}", "Information", "--TermsOfReference:Embeddings", embeddings], Path.GetDirectoryName(dll));

    private static async Task MeasureMemoryAsync(string repository, ChildProcess bot, string embeddings)
    {
        // Idle: after start-up work (ToR samples loaded, model loaded and passages embedded, JIT of start-up) has settled.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idle = bot.WorkingSetMiB;
        await using var connector = await LoopbackConnector.StartAsync();
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(repository, "tests", "PartnershipBot.Protocol.Tests", "Fixtures", "activities", "01-message-personal.json")))!.AsObject();
        template["serviceUrl"] = connector.ServiceUrl;
        template["text"] = "what's the quorum for the Thurrock Community Safety Partnership Strategic Board?";
        using var client = new HttpClient();
        var target = new TurnTarget("PartnershipBot (local mode)", new Uri(bot.BaseAddress, "api/messages"), null, connector);
        var load = await TurnLoad.RunLevelAsync(client, target, template, LoadConcurrency, LoadTurns);
        var loaded = bot.WorkingSetMiB;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var settled = bot.WorkingSetMiB;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[embeddings {embeddings}] working set idle: {idle:F0} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[embeddings {embeddings}] working set after {LoadTurns} turns at concurrency {LoadConcurrency} ({load.PerSecond:F0} turns/s, p99 {load.P99:F1} ms): {loaded:F0} MiB, 10 s later {settled:F0} MiB"));
    }
}
