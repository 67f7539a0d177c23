using System.Text.Json.Nodes;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Support;

/// <summary>Runs cards through tests/contracts (the official 1.5 schema and the official renderer's parser).</summary>
internal static class CardContracts
{
    /// <summary>Fails with the validator's output unless every card passes; skipped where the npm packages are missing outside CI.</summary>
    public static async Task AssertValidAsync(params (string Name, JsonNode Card)[] cards)
    {
        if (!NodeContracts.Installed && Environment.GetEnvironmentVariable("CI") is null)
        {
            return;
        }

        var directory = Directory.CreateTempSubdirectory("pb-cards-").FullName;
        try
        {
            foreach (var (name, card) in cards)
            {
                await File.WriteAllTextAsync(Path.Combine(directory, name + ".json"), card.ToJsonString());
            }

            var (exitCode, output) = await NodeContracts.ValidateAsync("cards", directory, RepositoryPaths.Combine("tests", "contracts", "adaptive-card-1.5.schema.json"));
            Assert.True(exitCode == 0, output);
            Assert.Contains($"{cards.Length} passed, 0 failed", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
