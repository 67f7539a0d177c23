using System.Diagnostics;
using System.Globalization;
using System.Text;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;

// Speed figures, printed on demand:
//   dotnet run -c Release --project bench/PartnershipBot.Benchmarks            ToR ingest and answer times
//   dotnet run -c Release --project bench/PartnershipBot.Benchmarks -- turns [ours] [N]  turns through /api/messages (N per level, default 3,000): ours in process (auth on) and as its own process (local mode), vs two echo baselines unless `ours`
//   dotnet run -c Release --project bench/PartnershipBot.Benchmarks -- turns own|variants [N]  ours as its own process vs botbuilder-js in one run; `variants` also tries runtime settings beside the default
//   dotnet run -c Release --project bench/PartnershipBot.Benchmarks -- hostile [N] N hostile requests per mode (default 10,000), forged tokens
//   dotnet run -c Release --project bench/PartnershipBot.Benchmarks -- footprint   start-up time and working set of the built bot as its own process, embeddings Off and On
//   dotnet run -c Release --project bench/PartnershipBot.Benchmarks -- embeddings  ToR answers lexical vs hybrid, model load, a ten-page ToR ingested with embedding
//   dotnet run -c Release --project bench/PartnershipBot.Benchmarks -- fanout [N]  N due reminders (default 2,000) through the dispatcher against a Teams-limits stub
// BENCHMARKS.md has the latest figures.
switch (args.FirstOrDefault())
{
    case "turns" when args.Contains("own") || args.Contains("variants"):
        await PartnershipBot.Benchmarks.TurnBenchmark.RunOwnProcessAsync(FindRepository(), variants: args.Contains("variants"), TurnsPerLevel(args));
        return 0;
    case "turns":
        await PartnershipBot.Benchmarks.TurnBenchmark.RunAsync(FindRepository(), oursOnly: args.Contains("ours"), TurnsPerLevel(args));
        return 0;
    case "hostile":
        await PartnershipBot.Benchmarks.HostileBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
        return 0;
    case "fanout":
        await PartnershipBot.Benchmarks.FanoutBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000);
        return 0;
    case "embeddings":
        await PartnershipBot.Benchmarks.TorEmbeddingBenchmark.RunAsync(FindRepository(), BuildLongTor(SampleTexts(FindRepository()), targetWords: 10 * 500),
            [.. File.ReadAllLines(Path.Combine(FindRepository(), "samples", "eval", "seed-qa.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)]);
        return 0;
    case "footprint":
        await PartnershipBot.Benchmarks.FootprintBenchmark.RunAsync(FindRepository());
        return 0;
}

// Targets: a 100-page ToR ingested in under 1 s; an answer in under 5 ms.
// The long ToR is the sample ToRs repeated with renumbered sections until it is 100 pages of
// about 500 words each, so the parser and the model see realistic structure at scale.
var repository = FindRepository();
var samples = SampleTexts(repository);
var longTor = BuildLongTor(samples, targetWords: 100 * 500);
var words = longTor.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
var questions = File.ReadAllLines(Path.Combine(repository, "samples", "eval", "seed-qa.jsonl"))
    .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)
    .ToList();

// Warm up the JIT and regexes so the figures are steady-state, as in the running bot.
TermsOfReferenceModel.Build("warmup.txt", samples[0]);

var ingest = new List<double>();
TermsOfReferenceModel? model = null;
for (var run = 0; run < 5; run++)
{
    var watch = Stopwatch.StartNew();
    model = TermsOfReferenceModel.Build("long-tor.txt", longTor);
    ingest.Add(watch.Elapsed.TotalMilliseconds);
}

var library = new TorLibrary([model!]);
foreach (var question in questions)
{
    library.Ask(question);
}

var answers = PartnershipBot.Benchmarks.AnswerTimes.Measure(questions, rounds: 5, warmUpRounds: 0, q => library.Ask(q));

// The library the bot serves by default: every sample ToR at once, so each question also resolves its board.
var sampleLibrary = new TorLibrary([.. samples.Select((text, i) => TermsOfReferenceModel.Build($"sample-{i}.txt", text))]);
var sampleAnswers = PartnershipBot.Benchmarks.AnswerTimes.Measure(questions, rounds: 6, warmUpRounds: 1, q => sampleLibrary.Ask(q));
var memory = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"long ToR: {words} words (~{words / 500} pages), {model!.Document.Clauses.Count} clauses, {model.Passages.Count} passages"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest (parse + model): median {Median(ingest):F0} ms, max {ingest.Max():F0} ms  (target < 1000 ms)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answer: median {Median(answers):F2} ms, p95 {answers[(int)(answers.Count * 0.95)]:F2} ms, max {answers[^1]:F2} ms over {answers.Count} questions  (target < 5 ms)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answer from the {samples.Count} sample ToRs together: median {Median(sampleAnswers):F3} ms, p95 {sampleAnswers[(int)(sampleAnswers.Count * 0.95)]:F3} ms over {sampleAnswers.Count} questions"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed heap after load: {memory:F1} MiB"));
PartnershipBot.Benchmarks.TorRealBoardsBenchmark.Run(repository, BuildLongTor(samples, targetWords: 10 * 500));


return 0;

static List<string> SampleTexts(string repository) =>
    [.. Directory.GetFiles(Path.Combine(repository, "samples", "tor"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string BuildLongTor(List<string> samples, int targetWords)
{
    var text = new StringBuilder();
    var words = 0;
    for (var copy = 1; words < targetWords; copy++)
    {
        foreach (var sample in samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"PART {copy}.{samples.IndexOf(sample) + 1}\n\n").Append(sample).Append("\n\n");
            words += sample.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        }
    }

    return text.ToString();
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PartnershipBot.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

// The first whole number among the arguments after the mode, else 3,000.
static int TurnsPerLevel(string[] args) =>
    args.Skip(1).Select(a => int.TryParse(a, CultureInfo.InvariantCulture, out var n) ? n : 0).FirstOrDefault(n => n > 0, 3_000);
