using System.Diagnostics;
using System.Globalization;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Benchmarks;

/// <summary>
/// The latency targets on real boards rather than the repeated samples: every dev and extra ToR loaded as
/// one library (as a multi-council deployment would hold them), each member's question asked in a conversation
/// linked to its own board (so every answer is ranked, not met with "which board?"), and the ingest of a ToR of about
/// ten pages. Prints numbers; nothing here asserts.
/// </summary>
public static class TorRealBoardsBenchmark
{
    private static readonly string[] SetNames = ["dev", "extra"];

    /// <summary>Runs the measurement from the repository root.</summary>
    public static void Run(string repository, string tenPageTor)
    {
        var sets = SetNames.Select(s => Path.Combine(repository, "samples", "eval", s)).Where(Directory.Exists).ToList();
        var watch = Stopwatch.StartNew();
        var models = sets.SelectMany(s => Directory.GetFiles(Path.Combine(s, "tor"), "*.txt"))
            .ToDictionary(f => Path.GetFileName(f) ?? f, f => TermsOfReferenceModel.Build(Path.GetFileName(f), File.ReadAllText(f)), StringComparer.Ordinal);
        var library = new TorLibrary([.. models.Values]);
        var loadMs = watch.Elapsed.TotalMilliseconds;
        var questions = sets.SelectMany(s => File.ReadAllLines(Path.Combine(s, "qa.jsonl")))
            .Where(l => l.Length > 0)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Select(q => (Text: q.GetProperty("question").GetString()!, Board: models[q.GetProperty("doc").GetString()!].Identity.Name))
            .ToList();

        var times = AnswerTimes.Measure(questions, rounds: 4, warmUpRounds: 1, q => library.Ask(q.Text, q.Board));
        var ingest = AnswerTimes.Measure([tenPageTor], rounds: 5, warmUpRounds: 0, text => TermsOfReferenceModel.Build("ten-pages.txt", text));
        var words = tenPageTor.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"real boards: {models.Count} ToRs loaded in {loadMs:F0} ms; {questions.Count} member questions x 3 rounds, each in its own board's conversation"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answer (lexical): p50 {AnswerTimes.At(times, 0.50):F2} ms, p95 {AnswerTimes.At(times, 0.95):F2} ms, p99 {AnswerTimes.At(times, 0.99):F2} ms, max {times[^1]:F2} ms  (target p95 <= 20 ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ten-page ToR ({words} words) ingested: median {AnswerTimes.At(ingest, 0.5):F0} ms, max {ingest[^1]:F0} ms  (target < 3000 ms)"));
    }
}
