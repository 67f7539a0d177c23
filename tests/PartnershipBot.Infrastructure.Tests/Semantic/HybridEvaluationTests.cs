using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Evaluation;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Semantic;
using PartnershipBot.Infrastructure.Semantic;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Semantic;

/// <summary>
/// The gold sets scored as <c>eval --embeddings on</c> scores them, with the real model: the ranking of
/// <c>TermsOfReference:Embeddings=On</c>. Each floor is the level the hybrid reaches today (SeedEvaluationTests holds the
/// lexical floors, which the default ranking must meet), so a change that loses a question in either mode fails.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class HybridEvaluationTests(ArcticModelFixture fixture) : IClassFixture<ArcticModelFixture>
{
    private static readonly string Fixtures = RepositoryPaths.Combine("tests", "PartnershipBot.Features.Tests", "TermsOfReference", "Fixtures");

    [Theory]
    [InlineData("seeds", 83, 4)]
    [InlineData("dev", 141, 9)]
    [InlineData("extra", 100, 4)]
    [InlineData("fixtures", 214, 9)]
    [InlineData("fresh", 119, 10)]
    [InlineData("blind2", 113, 9)]
    [InlineData("blind3", 126, 18)]
    public async Task The_hybrid_ranking_stays_at_least_as_right(string set, int right, int confidentWrong)
    {
        var (goldPath, torDirectory) = set switch
        {
            "seeds" => (RepositoryPaths.Combine("samples", "eval", "seed-qa.jsonl"), RepositoryPaths.Combine("samples", "tor")),
            "fixtures" => (Path.Combine(Fixtures, "fixtures-qa.jsonl"), Fixtures),
            _ => (RepositoryPaths.Combine("samples", "eval", set, "qa.jsonl"), RepositoryPaths.Combine("samples", "eval", set, "tor")),
        };
        var gold = File.ReadAllLines(goldPath).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<GoldQuestion>(l)!).ToList();
        var boards = gold.Select(g => g.Doc).Where(d => d != "ALL").Distinct()
            .ToDictionary(d => d, d => TermsOfReferenceModel.Build(d, File.ReadAllText(Path.Combine(torDirectory, d))));
        using var embedder = new ArcticSentenceEmbedder(() => fixture.Model, ownsModel: false, store: null, NullLogger<ArcticSentenceEmbedder>.Instance);
        embedder.Start();
        Assert.True(await embedder.WhenReady.WaitAsync(TimeSpan.FromSeconds(60)));
        var dense = new DenseSimilarity(embedder, embedder);
        await Task.WhenAll(boards.Values.Select(dense.PrepareAsync));
        var all = new TorLibrary(boards.Values, dense.For);

        var results = gold.Select(g => EvaluationScore.Score(g, (g.Doc == "ALL" ? all : new TorLibrary([boards[g.Doc]], dense.For)).Ask(g.Question))).ToList();

        // Every board was ranked densely, or this would measure the lexical fallback.
        Assert.All(boards.Values, b => Assert.NotNull(dense.For(b, "who chairs it?")));
        var summary = EvaluationScore.Summarise(results);
        Assert.True(results.Count(r => r.Right) >= right, summary);
        Assert.True(results.Count(r => r.ConfidentWrong) <= confidentWrong, summary);
    }
}
