using System.Text.Json;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Evaluation;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>eval [--gold FILE] [--tor-dir DIR] [--verbose]</c>: runs a gold question set against the ToRs and
/// prints accuracy, answerable right, honest unknowns and confident-wrong. Items whose doc is "ALL" are
/// asked with every ToR loaded; the others with their own ToR only.
/// </summary>
public sealed class EvalCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "eval";

    /// <inheritdoc />
    public string Summary => "eval [--gold FILE] [--tor-dir DIR] [--verbose]: score the ToR answers against a gold question set";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args, "verbose");
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var goldPath = options.Get("gold") ?? Path.Combine(samples, "eval", "seed-qa.jsonl");
        var torDirectory = options.Get("tor-dir") ?? Path.Combine(samples, "tor");
        if (!File.Exists(goldPath) || !Directory.Exists(torDirectory))
        {
            throw new CommandLineException($"Need a gold file ({goldPath}) and a ToR directory ({torDirectory}).");
        }

        var gold = (await File.ReadAllLinesAsync(goldPath, cancellationToken))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize(l, EvalJsonContext.Default.GoldQuestion)!)
            .ToList();
        var files = gold.Select(g => g.Doc).Where(d => d != "ALL").Distinct().Select(d => Path.Combine(torDirectory, d)).ToList();
        var all = await TorLoading.LoadFilesAsync(files, cancellationToken);
        var single = files.Zip(all.Boards).ToDictionary(p => Path.GetFileName(p.First), p => new TorLibrary([p.Second]));
        var results = gold.Select(item => EvaluationScore.Score(item, (item.Doc == "ALL" ? all : single[item.Doc]).Ask(item.Question))).ToList();
        foreach (var result in results.Where(r => !r.Right || options.Has("verbose")))
        {
            var label = result.Right ? "ok" : result.ConfidentWrong ? "CONFIDENT-WRONG" : "missed";
            await console.Out.WriteLineAsync($"{label} {result.Item.Id} [{result.Item.Kind}] {result.Item.Question}");
            await console.Out.WriteLineAsync($"    must contain: {string.Join(" | ", result.Item.MustContain)}; answered={result.Answer.Answered}");
            await console.Out.WriteLineAsync($"    {result.Answer.Answer.Replace("\n", "\n    ", StringComparison.Ordinal)}");
        }

        await console.Out.WriteLineAsync(EvaluationScore.Summarise(results));
        return 0;
    }
}

/// <summary>JSON for the gold set.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(GoldQuestion))]
internal sealed partial class EvalJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
