using PartnershipBot.Testing;
using System.Text.Json.Nodes;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Infra;

/// <summary>
/// Compiles infra/*.bicep with the real Bicep CLI (restored from NuGet as a PackageDownload) and checks
/// the generated ARM template carries what a deployment needs.
/// </summary>
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
    public async Task Deployment_RefusesSeveralInstancesOnSqlite()
    {
        var result = await BicepSnapshot.EvaluateAsync("param usePostgres = false", "param instanceCount = 2");

        // Evaluated by the ARM engine as a deployment would: it stops with the reason, and nothing is predicted.
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("instanceCount > 1 needs usePostgres = true", result.Errors + result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Resources);
    }

    [Fact]
    public async Task Deployment_RefusesPostgresWithoutPassword()
    {
        var result = await BicepSnapshot.EvaluateAsync("param usePostgres = true");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("usePostgres = true needs postgresAdminPassword", result.Errors + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deployment_OneInstanceOnSqlite_IsAccepted_AndSetsNoConnectionString()
    {
        var result = await BicepSnapshot.EvaluateAsync("param usePostgres = false", "param instanceCount = 1");

        Assert.True(result.ExitCode == 0, result.Errors + result.Output);
        Assert.Empty(result.OfType("Microsoft.DBforPostgreSQL/flexibleServers"));
        var settings = result.Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray();
        Assert.Contains(settings, s => (string?)s!["name"] == "Storage__Provider" && (string?)s["value"] == "Sqlite");
        Assert.DoesNotContain(settings, s => (string?)s!["name"] == "ConnectionStrings__PartnershipBot");
    }

    private static Task<(int ExitCode, string Output, string Errors)> RunBicepAsync(params string[] args) => BicepCli.RunAsync(args);
}
