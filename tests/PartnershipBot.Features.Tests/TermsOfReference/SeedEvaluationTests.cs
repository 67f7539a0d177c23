using System.Text.Json;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Evaluation;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>
/// The gold question sets, scored as <c>eval</c> scores them. Each floor is the level the engine reaches today less
/// nothing: a change that loses a question on any set fails here. The sets: the five samples' seeds; ToRs written
/// in other wording (fixtures); reworded seed questions; the dev set of 12 real ToRs of other boards; and three sets of
/// real ToRs whose questions were written blind, before the engine ever answered them: extra (8 boards), fresh
/// (9 boards) and blind2 (9 boards), since studied, and blind3 (10 boards), kept unread as the held-out check.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public class SeedEvaluationTests
{
    [Fact]
    public void Seed_gold_set_meets_the_accuracy_target()
    {
        var gold = File.ReadAllLines(RepositoryPaths.Combine("samples", "eval", "seed-qa.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<GoldQuestion>(l)!)
            .ToList();
        var boards = gold.Select(g => g.Doc).Where(d => d != "ALL").Distinct().ToDictionary(d => d, TestBoards.LoadSample);
        var all = new TorLibrary(boards.Values);

        var results = gold.Select(g => EvaluationScore.Score(g, (g.Doc == "ALL" ? all : new TorLibrary([boards[g.Doc]])).Ask(g.Question))).ToList();

        var summary = EvaluationScore.Summarise(results);
        Assert.True(results.Count(r => r.Right) >= 85, summary);
        Assert.True(results.Count(r => r.ConfidentWrong) <= 3, summary);
    }

    [Fact]
    public void Questions_over_the_purpose_written_ToRs_stay_right()
    {
        var gold = File.ReadAllLines(TestBoards.Fixture("fixtures-qa.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<GoldQuestion>(l)!)
            .ToList();
        var boards = gold.Select(g => g.Doc).Distinct().ToDictionary(d => d, d => TestBoards.LoadFixture(d));

        var results = gold.Select(g => EvaluationScore.Score(g, new TorLibrary([boards[g.Doc]]).Ask(g.Question))).ToList();

        var summary = EvaluationScore.Summarise(results);
        var failures = string.Join("\n", results.Where(r => !r.Right).Select(r => $"{r.Item.Question} -> {r.Answer.Answer}"));
        Assert.True(results.Count(r => r.Right) >= 215, summary + "\n" + failures);
        Assert.True(results.Count(r => r.ConfidentWrong) <= 9, summary + "\n" + failures);
    }

    [Fact]
    public void Reworded_questions_over_the_samples_stay_right()
    {
        var gold = File.ReadAllLines(TestBoards.Fixture("samples-paraphrase-qa.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<GoldQuestion>(l)!)
            .ToList();

        var results = gold.Select(g => EvaluationScore.Score(g, new TorLibrary([TestBoards.LoadSample(g.Doc)]).Ask(g.Question))).ToList();

        var failures = string.Join("\n", results.Where(r => !r.Right).Select(r => $"{r.Item.Question} -> {r.Answer.Answer}"));
        Assert.True(results.Count(r => r.Right) >= 19, EvaluationScore.Summarise(results) + "\n" + failures);
    }

    [Theory]
    [InlineData("dev", 141, 7)]
    [InlineData("extra", 96, 5)]
    [InlineData("fresh", 120, 8)]
    [InlineData("blind2", 113, 5)]
    [InlineData("blind3", 120, 19)]
    public void Real_ToRs_of_other_boards_stay_at_least_as_right(string set, int right, int confidentWrong)
    {
        var directory = RepositoryPaths.Combine("samples", "eval", set);
        var gold = File.ReadAllLines(Path.Combine(directory, "qa.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<GoldQuestion>(l)!)
            .ToList();
        var boards = gold.Select(g => g.Doc).Distinct()
            .ToDictionary(d => d, d => TermsOfReferenceModel.Build(d, File.ReadAllText(Path.Combine(directory, "tor", d))));

        var results = gold.Select(g => EvaluationScore.Score(g, new TorLibrary([boards[g.Doc]]).Ask(g.Question))).ToList();

        var summary = EvaluationScore.Summarise(results);
        Assert.True(results.Count(r => r.Right) >= right, summary);
        Assert.True(results.Count(r => r.ConfidentWrong) <= confidentWrong, summary);
    }

    [Theory]
    [InlineData("Six-monthly reports", "six", true)]
    [InlineData("meet ten times", "10 times", true)]
    [InlineData("Meet  Ten   Times", "10 times", true)]
    [InlineData("three working days", "5 working days", false)]
    public void Scoring_normalises_case_spacing_and_number_words(string answer, string required, bool right)
    {
        var item = new GoldQuestion { Answerable = true, MustContain = [required] };

        Assert.Equal(right, EvaluationScore.Score(item, new TorAnswer("q", true, answer, "b", [])).Right);
    }
}
