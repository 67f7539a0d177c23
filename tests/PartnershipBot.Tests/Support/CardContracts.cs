using System.Text;
using System.Text.Json.Nodes;
using PartnershipBot.Features.Boards;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Support;

/// <summary>
/// Runs cards through tests/contracts (the official 1.5 schema and the official renderer's parser), after checking each
/// is under Teams' 28 KB card limit as serialized JSON.
/// </summary>
internal static class CardContracts
{
    /// <summary>
    /// Fails with the validator's output unless every card passes. Never passes without checking: with the npm packages
    /// or the schema missing it fails saying what to install (callers are <see cref="NodeContractsFactAttribute"/>
    /// tests, skipped visibly on a machine without the packages and run, so failing, in CI).
    /// </summary>
    public static async Task AssertValidAsync(params (string Name, JsonNode Card)[] cards)
    {
        var schema = RepositoryPaths.Combine("tests", "contracts", "adaptive-card-1.5.schema.json");
        Assert.True(NodeContracts.Installed, $"The card contracts can't be checked: {NodeContracts.Directory} has no node_modules. Run `npm ci` there (bash .ci/run does).");
        Assert.True(File.Exists(schema), $"The card contracts can't be checked: the schema {schema} is missing.");
        Assert.NotEmpty(cards);
        var oversized = cards.Select(c => (c.Name, Bytes: Encoding.UTF8.GetByteCount(c.Card.ToJsonString()))).Where(c => c.Bytes >= MemberCards.MaxCardBytes).ToList();
        Assert.True(oversized.Count == 0, $"Teams refuses cards of 28 KB ({MemberCards.MaxCardBytes} bytes) or more: {string.Join(", ", oversized.Select(c => $"{c.Name} is {c.Bytes} bytes"))}.");

        var directory = Directory.CreateTempSubdirectory("pb-cards-").FullName;
        try
        {
            foreach (var (name, card) in cards)
            {
                await File.WriteAllTextAsync(Path.Combine(directory, name + ".json"), card.ToJsonString());
            }

            var (exitCode, output) = await NodeContracts.ValidateAsync("cards", directory, schema);
            Assert.True(exitCode == 0, output);
            Assert.Contains($"{cards.Length} passed, 0 failed", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
