using System.Globalization;
using System.Text.Json;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Evaluation;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>eval [--gold FILE --tor-dir DIR]... [--verbose] [--per-document] [--calibrate [--quick]] [--embeddings off|on|both]</c>:
/// runs gold question sets against their ToRs and prints accuracy, answerable right, honest unknowns and
/// confident-wrong. Items whose doc is "ALL" are asked with every ToR of their set loaded; the others with their own
/// ToR only. With several sets a line per set comes first and the total last. <c>--calibrate</c> fits the
/// answer-or-decline weights on every item and prints them with each document's score when it is left out of the fit.
/// <c>--embeddings both</c> scores lexical-only and hybrid ranking in one run over the same parsed documents, each
/// line labelled, the hybrid's total last; <c>--dense-weight W</c> tries another weight for the dense term.
/// </summary>
public sealed class EvalCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "eval";

    /// <inheritdoc />
    public string Summary => "eval [--gold FILE --tor-dir DIR]... [--verbose] [--per-document] [--calibrate [--quick]] [--embeddings off|on|both] [--dense-weight W]: score the ToR answers against gold question sets";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args, "verbose", "per-document", "calibrate", "explain", "quick");
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var golds = options.GetAll("gold") is { Count: > 0 } g ? g : [Path.Combine(samples, "eval", "seed-qa.jsonl")];
        var torDirectories = options.GetAll("tor-dir") is { Count: > 0 } t ? t : [Path.Combine(samples, "tor")];
        if (golds.Count != torDirectories.Count)
        {
            throw new CommandLineException("Give one --tor-dir for each --gold, in the same order.");
        }

        var modes = Modes(options.Get("embeddings"));
        using var embeddings = modes.Contains(true) ? await CliEmbeddings.LoadAsync(DenseScale(options.Get("dense-weight")), cancellationToken) : null;
        var results = modes.ToDictionary(m => m, _ => new List<(ScoredAnswer Result, AnswerCandidate? Candidate)>());
        var setNames = modes.ToDictionary(m => m, _ => new List<string>());
        for (var i = 0; i < golds.Count; i++)
        {
            var (gold, boards) = await LoadSetAsync(golds[i], torDirectories[i], cancellationToken);
            foreach (var dense in modes)
            {
                var set = await EvaluateAsync(gold, boards, dense ? embeddings : null);
                await ReportAsync(console, set, options.Has("verbose"), options.Has("explain"));
                if (golds.Count > 1)
                {
                    await console.Out.WriteLineAsync($"{Label(modes, dense)}{Path.GetFileName(Path.GetDirectoryName(golds[i]))}/{Path.GetFileName(golds[i])}: {EvaluationScore.Summarise([.. set.Select(s => s.Result)])}");
                }

                results[dense].AddRange(set);
                setNames[dense].AddRange(set.Select(_ => Path.GetFileName(Path.GetDirectoryName(golds[i])) + "/" + Path.GetFileName(golds[i])));
            }
        }

        foreach (var dense in modes)
        {
            var all = results[dense];
            if (options.Has("per-document"))
            {
                foreach (var document in all.GroupBy(r => r.Result.Item.Doc))
                {
                    await console.Out.WriteLineAsync($"  {Label(modes, dense)}{document.Key,-60} {EvaluationScore.Summarise([.. document.Select(d => d.Result)])}");
                }
            }

            if (options.Has("calibrate"))
            {
                if (modes.Length > 1)
                {
                    await console.Out.WriteLineAsync($"-- calibration, {(dense ? "hybrid" : "lexical")} --");
                }

                await CalibrateAsync(console, all, setNames[dense], options.Has("quick"), options.Has("per-document"));
            }
        }

        foreach (var dense in modes)
        {
            await console.Out.WriteLineAsync(Label(modes, dense) + EvaluationScore.Summarise([.. results[dense].Select(r => r.Result)]));
        }

        return 0;
    }

    /// <summary>The rankings to score, lexical first: <c>--embeddings</c> off (the default), on, or both.</summary>
    private static bool[] Modes(string? value) => value?.ToLowerInvariant() switch
    {
        null or "off" => [false],
        "on" => [true],
        "both" => [false, true],
        _ => throw new CommandLineException($"--embeddings is off, on or both, not '{value}'."),
    };

    private static string Label(bool[] modes, bool dense) => modes.Length == 1 ? string.Empty : dense ? "hybrid  " : "lexical ";

    /// <summary><c>--dense-weight W</c> as a multiple of the built-in weight (the dense signal is scaled, the ranker unchanged).</summary>
    private static double DenseScale(string? value)
    {
        if (value is null)
        {
            return 1;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight >= 0
            ? weight / PassageRanker.DenseWeight
            : throw new CommandLineException($"--dense-weight is a number at least 0, not '{value}'.");
    }

    private static async Task<(List<GoldQuestion> Gold, Dictionary<string, TermsOfReferenceModel> Boards)> LoadSetAsync(string goldPath, string torDirectory, CancellationToken cancellationToken)
    {
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
        return (gold, files.Zip(all.Boards).ToDictionary(p => Path.GetFileName(p.First), p => p.Second));
    }

    /// <summary>Asks every gold question, of its own board's library or, for "ALL", of the whole set's.</summary>
    private static async Task<List<(ScoredAnswer Result, AnswerCandidate? Candidate)>> EvaluateAsync(
        List<GoldQuestion> gold, Dictionary<string, TermsOfReferenceModel> boards, CliEmbeddings? embeddings)
    {
        async Task<TorLibrary> Library(IReadOnlyList<TermsOfReferenceModel> models) => embeddings is null ? new TorLibrary(models) : await embeddings.LibraryAsync(models);
        var all = await Library([.. boards.Values]);
        var single = new Dictionary<string, TorLibrary>(StringComparer.Ordinal);
        foreach (var (doc, model) in boards)
        {
            single[doc] = await Library([model]);
        }

        return [.. gold.Select(item =>
        {
            var (answer, candidate) = (item.Doc == "ALL" ? all : single[item.Doc]).Consider(item.Question);
            return (EvaluationScore.Score(item, answer), candidate);
        })];
    }

    private static async Task ReportAsync(CommandConsole console, IEnumerable<(ScoredAnswer Result, AnswerCandidate? Candidate)> set, bool verbose, bool explain)
    {
        foreach (var (result, candidate) in set.Where(r => !r.Result.Right || verbose))
        {
            var label = result.Right ? "ok" : result.ConfidentWrong ? "CONFIDENT-WRONG" : "missed";
            var confidence = candidate is null ? string.Empty : $"; confidence={candidate.Confidence.ToString("F2", CultureInfo.InvariantCulture)}";
            await console.Out.WriteLineAsync($"{label} {result.Item.Id} [{result.Item.Kind}] {result.Item.Question}");
            await console.Out.WriteLineAsync($"    must contain: {string.Join(" | ", result.Item.MustContain)}; answered={result.Answer.Answered}{confidence}");
            await console.Out.WriteLineAsync($"    {result.Answer.Answer.Replace("\n", "\n    ", StringComparison.Ordinal)}");
            if (!result.Answer.Answered && candidate?.Settled is { } settled)
            {
                // What it would have said: tells a ranking miss from a cautious decision.
                var wouldBeRight = EvaluationScore.Score(result.Item, settled).Right;
                await console.Out.WriteLineAsync($"    would have answered ({(wouldBeRight ? "right" : "wrong")}): {settled.Answer.Replace("\n", "\n    ", StringComparison.Ordinal)}");
            }

            if (explain && candidate?.Ranking is { } ranking)
            {
                await console.Out.WriteLineAsync($"    topic={result.Answer.Topic} status={ranking.TopicStatus} unknown={ranking.UnknownShare:F2}");
                foreach (var r in ranking.Passages.Take(4))
                {
                    var text = r.Passage.Text.Length > 90 ? r.Passage.Text[..90] : r.Passage.Text;
                    await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"      {r.Score:F2} lex={r.Lexical:F2} cov={r.Coverage:F2} settles={r.Settles} sec={r.InSection} fits={r.Fits} holder={r.Holder} top={r.TopEvidence} dense={r.Dense:F2} | {text}"));
                }
            }
        }
    }

    private static async Task CalibrateAsync(CommandConsole console, List<(ScoredAnswer Result, AnswerCandidate? Candidate)> results, List<string> setNames, bool quick, bool perDocument)
    {
        // Only single-board answers go through the decision; a set's "which board?" items do not.
        var decided = results.Select((r, i) => (r.Result, r.Candidate, Set: setNames[i])).Where(r => r.Candidate is { Settled: not null, Confidence: > 0 }).ToList();
        var samples = decided
            .Select(r => new CalibrationSample(r.Result.Item.Doc, r.Candidate!.Features,
                EvaluationScore.Score(r.Result.Item, r.Candidate.Settled!).Right && r.Result.Item.Answerable, r.Result.Item.Answerable))
            .ToList();
        var weights = Calibration.Fit(samples);
        var invariant = CultureInfo.InvariantCulture;
        await console.Out.WriteLineAsync($"calibration over {samples.Count} items; the best passage answers {samples.Count(s => s.AnswerIsRight)} of {samples.Count(s => s.Answerable)} answerable");
        await console.Out.WriteLineAsync("weights: [" + string.Join(", ", weights.Select(w => w.ToString("F3", invariant))) + "]  (" + string.Join(", ", AnswerDecision.FeatureNames) + ")");
        var outside = results.Count(r => r.Candidate is not { Settled: not null, Confidence: > 0 } && r.Result.Right);
        var (fittedRight, fittedWrong) = Calibration.Score(samples, s => Calibration.Predict(s.Features, weights), AnswerDecision.Threshold);
        await console.Out.WriteLineAsync($"overall with these weights: {fittedRight + outside}/{results.Count} right, {fittedWrong + results.Count(r => r.Candidate is not { Settled: not null, Confidence: > 0 } && r.Result.ConfidentWrong)} confident-wrong");
        if (quick)
        {
            return;
        }

        await ReportLeftOutBySetAsync(console, results, setNames, decided.Select(d => d.Set).ToList(), samples);
        foreach (var threshold in new[] { 0.5, 0.6, 0.7, 0.8 })
        {
            var (right, wrong) = Calibration.Score(samples, s => Calibration.Predict(s.Features, weights), threshold);
            var lodo = Calibration.LeaveOneDocumentOut(samples, threshold);
            var worst = lodo.OrderBy(d => (double)d.Right / d.Count).First();
            await console.Out.WriteLineAsync(string.Create(invariant,
                $"threshold {threshold:F1}: fitted {right}/{samples.Count} right, {wrong} confident-wrong; left out in turn {lodo.Sum(d => d.Right)}/{samples.Count} right, {lodo.Sum(d => d.ConfidentWrong)} confident-wrong; worst document {worst.Document} {worst.Right}/{worst.Count}"));
        }

        if (perDocument)
        {
            // Each document decided by weights fitted without it, at the threshold the bot uses: the "every document
            // left out in turn" figure. Counts are the questions the decision saw (those with a candidate passage).
            foreach (var document in Calibration.LeaveOneDocumentOut(samples, AnswerDecision.Threshold).OrderBy(d => d.Document, StringComparer.Ordinal))
            {
                await console.Out.WriteLineAsync(string.Create(invariant,
                    $"  left out: {document.Document,-60} {document.Right}/{document.Count} ({100.0 * document.Right / document.Count:F1}%)  confident-wrong: {document.ConfidentWrong}"));
            }
        }
    }

    /// <summary>
    /// Each set scored as the bot would answer it (at its threshold) with decision weights fitted without the question's
    /// document: the honest figure for comparing rankings, since neither set of weights has seen the document.
    /// </summary>
    private static async Task ReportLeftOutBySetAsync(
        CommandConsole console, List<(ScoredAnswer Result, AnswerCandidate? Candidate)> results, List<string> setNames, List<string> sampleSets, List<CalibrationSample> samples)
    {
        var confidences = Calibration.LeftOutConfidences(samples);
        var parts = new List<string>();
        foreach (var set in setNames.Distinct())
        {
            // Questions the decision never sees ("which board?", nothing ranked) keep their result as scored.
            var outside = results.Where((r, i) => setNames[i] == set && r.Candidate is not { Settled: not null, Confidence: > 0 }).ToList();
            var held = samples.Select((s, i) => (Sample: s, Answers: confidences[i] >= AnswerDecision.Threshold)).Where((_, i) => sampleSets[i] == set).ToList();
            var right = outside.Count(o => o.Result.Right) + held.Count(h => h.Answers ? h.Sample.AnswerIsRight : !h.Sample.Answerable);
            var wrong = outside.Count(o => o.Result.ConfidentWrong) + held.Count(h => h.Answers && !h.Sample.AnswerIsRight);
            var total = setNames.Count(n => n == set);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{set} {right}/{total} ({100.0 * right / total:F1}%) cw {wrong}"));
        }

        await console.Out.WriteLineAsync("left out in turn, by set: " + string.Join("; ", parts));
    }
}

/// <summary>JSON for the gold set.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(GoldQuestion))]
internal sealed partial class EvalJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
