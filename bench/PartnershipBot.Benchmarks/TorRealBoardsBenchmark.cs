using System.Diagnostics;
using System.Globalization;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Benchmarks;

/// <summary>
/// Issue 15's latency targets on real boards rather than the repeated samples: every dev and extra ToR loaded as
/// one library (as a multi-council deployment would hold them), each of their members' questions asked, and the
/// ingest of a ToR of about ten pages. Prints numbers; nothing here asserts.
/// </summary>
public static class TorRealBoardsBenchmark
{
    private static readonly string[] SetNames = ["dev", "extra"];

    /// <summary>Runs the measurement from the repository root.</summary>
    public static void Run(string repository, string tenPageTor)
    {
        var sets = SetNames.Select(s => Path.Combine(repository, "samples", "eval", s)).Where(Directory.Exists).ToList();
        var files = sets.SelectMany(s => Directory.GetFiles(Path.Combine(s, "tor"))).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var questions = sets.SelectMany(s => File.ReadAllLines(Path.Combine(s, "qa.jsonl")))
            .Where(l => l.Length > 0)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)
            .ToList();

        var build = Stopwatch.StartNew();
        var library = new TorLibrary([.. files.Select(f => TermsOfReferenceModel.Build(Path.GetFileName(f), File.ReadAllText(f)))]);
        var loadMs = build.Elapsed.TotalMilliseconds;

        var times = new List<double>();
        for (var round = 0; round < 4; round++)
        {
            foreach (var question in questions)
            {
                var watch = Stopwatch.StartNew();
                library.Ask(question);
                if (round > 0)
                {
                    // Round 0 warms the JIT and the regexes, as a running bot would be.
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        times.Sort();
        var ingest = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            TermsOfReferenceModel.Build("ten-pages.txt", tenPageTor);
            ingest.Add(watch.Elapsed.TotalMilliseconds);
        }

        ingest.Sort();
        var words = tenPageTor.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"real boards: {files.Count} ToRs loaded in {loadMs:F0} ms; {questions.Count} member questions x 3 rounds"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answer (lexical): p50 {At(times, 0.50):F2} ms, p95 {At(times, 0.95):F2} ms, p99 {At(times, 0.99):F2} ms, max {times[^1]:F2} ms  (target p95 <= 20 ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ten-page ToR ({words} words) ingested: median {At(ingest, 0.5):F0} ms, max {ingest[^1]:F0} ms  (target < 3000 ms)"));
    }

    private static double At(List<double> sorted, double quantile) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * quantile))];
}
