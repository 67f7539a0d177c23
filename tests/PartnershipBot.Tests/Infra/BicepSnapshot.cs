using System.Text.Json.Nodes;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Infra;

/// <summary>
/// Evaluates infra/main.bicep with given parameters through <c>bicep snapshot</c>, which runs the ARM template
/// engine offline: variables, conditions and <c>fail()</c> are evaluated exactly as a deployment would, and the
/// predicted resources come back with their properties resolved.
/// </summary>
internal static class BicepSnapshot
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000a001";
    public const string TenantId = "00000000-0000-0000-0000-00000000a002";

    public sealed record Result(int ExitCode, string Output, string Errors, IReadOnlyList<JsonNode> Resources)
    {
        public JsonNode Single(string type) => Assert.Single(Resources, r => (string?)r["type"] == type);

        public IReadOnlyList<JsonNode> OfType(string type) => [.. Resources.Where(r => (string?)r["type"] == type)];
    }

    /// <summary>Evaluates the template with <c>name = 'pbot-test'</c> plus <paramref name="parameters"/> (bicepparam lines).</summary>
    public static async Task<Result> EvaluateAsync(params string[] parameters)
    {
        var directory = Directory.CreateTempSubdirectory("pb-bicep-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("infra"), "*.bicep"))
            {
                File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
            }

            var paramsFile = Path.Combine(directory, "test.bicepparam");
            await File.WriteAllLinesAsync(paramsFile, ["using 'main.bicep'", "param name = 'pbot-test'", .. parameters]);
            var (exitCode, output, errors) = await BicepCli.RunAsync(
                "snapshot", paramsFile, "--subscription-id", SubscriptionId, "--tenant-id", TenantId,
                "--resource-group", "rg-test", "--location", "uksouth");
            var snapshot = Path.Combine(directory, "test.snapshot.json");
            IReadOnlyList<JsonNode> resources = exitCode == 0 && File.Exists(snapshot)
                ? [.. JsonNode.Parse(await File.ReadAllTextAsync(snapshot))!["predictedResources"]!.AsArray().Select(r => r!)]
                : [];
            return new Result(exitCode, output, errors, resources);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
