using PartnershipBot.Testing;
using System.Text.Json.Nodes;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Infra;

/// <summary>
/// Compiles infra/*.bicep with the real Bicep CLI (restored from NuGet as a PackageDownload) and checks
/// the generated ARM template carries what a deployment needs.
/// </summary>
[Trait(TestTier.Category, TestTier.Bicep)]
public sealed class BicepTemplateTests
{
    [Fact]
    public async Task MainTemplate_CompilesWithoutWarnings()
    {
        var (exitCode, output, errors) = await RunBicepAsync("build", RepositoryPaths.Combine("infra", "main.bicep"), "--stdout");

        Assert.True(exitCode == 0, errors);
        Assert.True(string.IsNullOrWhiteSpace(errors), errors);
        Assert.NotNull(JsonNode.Parse(output));
    }

    [Fact]
    public async Task ParametersFile_Compiles()
    {
        var (exitCode, _, errors) = await RunBicepAsync("build-params", RepositoryPaths.Combine("infra", "main.bicepparam"), "--stdout");

        Assert.True(exitCode == 0, errors);
    }

    [Fact]
    public async Task MainTemplate_DeclaresBotWithManagedIdentityTeamsChannelAndDotnet10App()
    {
        var (_, output, _) = await RunBicepAsync("build", RepositoryPaths.Combine("infra", "main.bicep"), "--stdout");
        var resources = JsonNode.Parse(output)!["resources"]!.AsArray().Select(r => r!).ToList();

        JsonNode Single(string type) => Assert.Single(resources, r => (string?)r["type"] == type);

        var bot = Single("Microsoft.BotService/botServices");
        Assert.Equal("UserAssignedMSI", (string?)bot["properties"]!["msaAppType"]);
        Assert.Equal("MsTeamsChannel", (string?)Single("Microsoft.BotService/botServices/channels")["properties"]!["channelName"]);
        var site = Single("Microsoft.Web/sites");
        Assert.Equal("DOTNETCORE|10.0", (string?)site["properties"]!["siteConfig"]!["linuxFxVersion"]);
        Assert.Equal("/healthz/ready", (string?)site["properties"]!["siteConfig"]!["healthCheckPath"]);
        Assert.False((bool?)site["properties"]!["clientAffinityEnabled"]);
        var basicAuth = resources.Where(r => (string?)r["type"] == "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, basicAuth.Count);
        Assert.All(basicAuth, policy => Assert.False((bool?)policy["properties"]!["allow"]));
        Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        Single("Microsoft.KeyVault/vaults");
        Single("Microsoft.Insights/components");
        Assert.Contains("MicrosoftAppType", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MicrosoftAppPassword", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainTemplate_RefusesSeveralInstancesOnSqlite_AndPostgresWithoutPassword()
    {
        var (_, output, _) = await RunBicepAsync("build", RepositoryPaths.Combine("infra", "main.bicep"), "--stdout");
        var usingPostgres = (string?)JsonNode.Parse(output)!["variables"]!["usingPostgres"];

        // The guard is an ARM fail() on the deployment path, not a silent fallback to SQLite.
        Assert.NotNull(usingPostgres);
        Assert.Contains("fail('usePostgres = true needs postgresAdminPassword.')", usingPostgres, StringComparison.Ordinal);
        Assert.Contains("greater(parameters('instanceCount'), 1)", usingPostgres, StringComparison.Ordinal);
        Assert.Contains("fail('instanceCount > 1 needs usePostgres = true", usingPostgres, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Errors)> RunBicepAsync(params string[] args) => BicepCli.RunAsync(args);
}
