using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Semantic;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Infrastructure.Semantic;

namespace PartnershipBot.Benchmarks;

/// <summary>
/// Lexical against hybrid (arctic-embed-xs) on the dev and extra ToRs: the model's load, each member question's answer
/// time either way, and a ten-page ToR ingested with and without embedding its passages (into a real SQLite store, as
/// the bot does). Each question is asked of its own board's library, as a board's channel asks it (a library of all
/// twenty would mostly answer "which board?" without ranking anything). Every hybrid question is timed the first time
/// it is asked, so its vector is never a cache hit.
/// Prints numbers; nothing here asserts.
/// </summary>
public static class TorEmbeddingBenchmark
{
    private static readonly string[] SetNames = ["dev", "extra"];

    /// <summary>Runs the measurement from the repository root.</summary>
    public static async Task RunAsync(string repository, string tenPageTor, IReadOnlyList<string> warmUpQuestions)
    {
        var sets = SetNames.Select(s => Path.Combine(repository, "samples", "eval", s)).Where(Directory.Exists).ToList();
        var files = sets.SelectMany(s => Directory.GetFiles(Path.Combine(s, "tor"))).Order(StringComparer.Ordinal).ToList();
        var byName = files.ToDictionary(f => Path.GetFileName(f), f => TermsOfReferenceModel.Build(Path.GetFileName(f), File.ReadAllText(f)), StringComparer.Ordinal);
        var boards = byName.Values.ToList();
        var questions = sets.SelectMany(s => File.ReadAllLines(Path.Combine(s, "qa.jsonl"))).Where(l => l.Length > 0)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Select(e => (Doc: e.GetProperty("doc").GetString()!, Question: e.GetProperty("question").GetString()!))
            .Where(q => byName.ContainsKey(q.Doc)).Distinct().ToList();

        var before = WorkingSetMiB();
        var load = Stopwatch.StartNew();
        using var model = ArcticEmbeddingModel.Load();
        var loadMs = load.Elapsed.TotalMilliseconds;
        var afterLoad = WorkingSetMiB();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model loaded in {loadMs:F0} ms; this process's working set {before:F0} -> {afterLoad:F0} MiB"));

        using var embedder = await ReadyAsync(model, store: null);
        var dense = new DenseSimilarity(embedder, embedder);
        var embed = Stopwatch.StartNew();
        await Task.WhenAll(boards.Select(dense.PrepareAsync));
        var passages = boards.Sum(b => b.Passages.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{boards.Count} ToRs, {passages} passages embedded in {embed.Elapsed.TotalMilliseconds:F0} ms ({embed.Elapsed.TotalMilliseconds / passages:F1} ms a passage)"));

        var lexical = boards.ToDictionary(b => b, b => new TorLibrary([b]));
        var hybrid = boards.ToDictionary(b => b, b => new TorLibrary([b], dense.For));
        // Warm-up on other questions (the seeds) over every board: JIT, regexes and the model's first runs, as in a
        // running bot.
        foreach (var question in warmUpQuestions)
        {
            foreach (var board in boards)
            {
                lexical[board].Ask(question);
                hybrid[board].Ask(question);
            }
        }

        var asked = questions.Select(q => (Board: byName[q.Doc], q.Question)).ToList();

        var lexicalTimes = Time(lexical, asked);
        var hybridTimes = Time(hybrid, asked);
        Console.WriteLine(Line("answer, lexical", lexicalTimes, "p95 <= 20 ms"));
        Console.WriteLine(Line("answer, hybrid (question embedded, not cached)", hybridTimes, "p95 <= 40 ms"));

        await IngestAsync(model, tenPageTor);
    }

    private static async Task IngestAsync(ArcticEmbeddingModel model, string tenPageTor)
    {
        var words = tenPageTor.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        var lexical = new List<double>();
        var embedded = new List<double>();
        var again = new List<double>();
        var passages = 0;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            var built = TermsOfReferenceModel.Build("ten-pages.txt", tenPageTor);
            lexical.Add(watch.Elapsed.TotalMilliseconds);
            passages = built.Passages.Count;

            // A fresh store each run, so every passage is new to it, as for a first upload.
            var directory = Directory.CreateTempSubdirectory("pb-bench-embed-").FullName;
            try
            {
                using var database = new SqliteDatabase(Path.Combine(directory, "bench.db"));
                await database.MigrateAsync(CancellationToken.None);
                using var embedder = await ReadyAsync(model, new PassageEmbeddingStore(database));
                watch.Restart();
                var upload = TermsOfReferenceModel.Build("ten-pages.txt", tenPageTor);
                await embedder.EmbedPassagesAsync(upload.Passages.Select(p => p.Text), CancellationToken.None);
                embedded.Add(watch.Elapsed.TotalMilliseconds);

                // The same ToR uploaded again: every passage is found by its text hash, none is embedded.
                watch.Restart();
                var reupload = TermsOfReferenceModel.Build("ten-pages.txt", tenPageTor);
                await embedder.EmbedPassagesAsync(reupload.Passages.Select(p => p.Text), CancellationToken.None);
                again.Add(watch.Elapsed.TotalMilliseconds);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }
        }

        lexical.Sort();
        embedded.Sort();
        again.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ten-page ToR ({words} words, {passages} passages): parsed and modelled median {lexical[2]:F0} ms; and embedded and stored median {embedded[2]:F0} ms, max {embedded[^1]:F0} ms; re-ingested (vectors found by hash) median {again[2]:F0} ms  (target < 3000 ms)"));
    }

    private static async Task<ArcticSentenceEmbedder> ReadyAsync(ArcticEmbeddingModel model, PassageEmbeddingStore? store)
    {
        var embedder = new ArcticSentenceEmbedder(() => model, ownsModel: false, store, NullLogger<ArcticSentenceEmbedder>.Instance);
        embedder.Start();
        await embedder.WhenReady;
        return embedder;
    }

    private static List<double> Time(Dictionary<TermsOfReferenceModel, TorLibrary> libraries, List<(TermsOfReferenceModel Board, string Question)> questions)
    {
        var times = new List<double>();
        foreach (var (board, question) in questions)
        {
            var library = libraries[board];
            var watch = Stopwatch.StartNew();
            library.Ask(question);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static string Line(string what, List<double> sorted, string target) => string.Create(CultureInfo.InvariantCulture,
        $"{what}: p50 {At(sorted, 0.50):F2} ms, p95 {At(sorted, 0.95):F2} ms, p99 {At(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms over {sorted.Count} questions  (target {target})");

    private static double At(List<double> sorted, double quantile) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * quantile))];

    private static double WorkingSetMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024);
    }
}
