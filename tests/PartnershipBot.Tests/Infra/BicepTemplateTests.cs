using System.Globalization;
using System.Text.RegularExpressions;
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
    public async Task Deployment_RefusesSeveralInstancesOnSqlite()
    {
        var result = await BicepSnapshot.EvaluateAsync("param usePostgres = false", "param instanceCount = 2");

        // Evaluated by the ARM engine as a deployment would: it stops with the reason, and nothing is predicted.
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("instanceCount > 1 needs usePostgres = true", result.Errors + result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Resources);
    }

    [Theory]
    [InlineData("param postgresEntraAdminName = 'DBAs'")]
    [InlineData("param postgresEntraAdminObjectId = '11111111-2222-3333-4444-555555555555'")]
    public async Task Deployment_RefusesPostgresWithoutAnEntraAdministrator(string onlyHalf)
    {
        var result = await BicepSnapshot.EvaluateAsync("param usePostgres = true", onlyHalf);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("usePostgres = true needs postgresEntraAdminObjectId and postgresEntraAdminName", result.Errors + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deployment_RefusesAPlanWithoutVnetIntegration()
    {
        var result = await BicepSnapshot.EvaluateAsync("param usePostgres = false", "param appServiceSku = 'F1'");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("appServiceSku F1 has no VNet integration", result.Errors + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deployment_PostgresIsPrivateAndEntraOnly_AndTheAppConnectsAsItsIdentityWithoutPassword()
    {
        var result = await BicepSnapshot.EvaluateAsync(
            "param instanceCount = 2", "param postgresEntraAdminObjectId = '11111111-2222-3333-4444-555555555555'", "param postgresEntraAdminName = 'PartnershipBot DBAs'");

        Assert.True(result.ExitCode == 0, result.Errors + result.Output);
        var server = result.Single("Microsoft.DBforPostgreSQL/flexibleServers")["properties"]!;
        Assert.Equal("Disabled", (string?)server["network"]!["publicNetworkAccess"]);
        Assert.EndsWith("/subnets/postgres", (string?)server["network"]!["delegatedSubnetResourceId"], StringComparison.Ordinal);
        Assert.EndsWith(".private.postgres.database.azure.com", (string?)server["network"]!["privateDnsZoneArmResourceId"], StringComparison.Ordinal);
        Assert.Equal("Enabled", (string?)server["authConfig"]!["activeDirectoryAuth"]);
        Assert.Equal("Disabled", (string?)server["authConfig"]!["passwordAuth"]);
        Assert.Null(server["administratorLoginPassword"]);
        Assert.Empty(result.OfType("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"));

        // The administrator is the DBA group, not the app's identity.
        var admin = result.Single("Microsoft.DBforPostgreSQL/flexibleServers/administrators");
        Assert.EndsWith("/11111111-2222-3333-4444-555555555555", (string?)admin["name"], StringComparison.Ordinal);
        Assert.Equal("Group", (string?)admin["properties"]!["principalType"]);
        Assert.Equal("PartnershipBot DBAs", (string?)admin["properties"]!["principalName"]);

        var site = result.Single("Microsoft.Web/sites")["properties"]!;
        Assert.EndsWith("/subnets/app", (string?)site["virtualNetworkSubnetId"], StringComparison.Ordinal);
        Assert.True((bool?)site["vnetRouteAllEnabled"]);
        var settings = site["siteConfig"]!["appSettings"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (string?)s!["value"]);
        // The host is the server's FQDN, known only at deployment: the snapshot leaves that one reference in place.
        var expression = Regex.Match(
            settings["ConnectionStrings__PartnershipBot"]!, @"^\[format\('(?<template>[^']*)', reference\('(?<server>[^']*)', '[^']*'\)\.fullyQualifiedDomainName, '(?<db>[^']*)', '(?<user>[^']*)'\)\]$",
            RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(expression.Success, settings["ConnectionStrings__PartnershipBot"]);
        Assert.EndsWith("/Microsoft.DBforPostgreSQL/flexibleServers/" + ((string?)result.Single("Microsoft.DBforPostgreSQL/flexibleServers")["name"]), expression.Groups["server"].Value, StringComparison.Ordinal);
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(string.Format(
            CultureInfo.InvariantCulture, expression.Groups["template"].Value, "server.postgres.database.azure.com", expression.Groups["db"].Value, expression.Groups["user"].Value));
        Assert.Null(connection.Password);
        Assert.Equal(Npgsql.SslMode.VerifyFull, connection.SslMode);
        Assert.Equal("pbot-test-id", connection.Username);
        Assert.Equal("partnershipbot", connection.Database);
        Assert.Equal("Entra", settings["Storage__PostgresAuth"]);
        Assert.Equal("Postgres", settings["Storage__Provider"]);
        Assert.Contains("Storage__PostgresManagedIdentityClientId", settings.Keys);
    }

    [Fact]
    public async Task Deployment_KeyVaultAndScm_AreClosedToTheInternet_ExceptTheDeployAddresses()
    {
        var closed = await BicepSnapshot.EvaluateAsync("param usePostgres = false");
        var opened = await BicepSnapshot.EvaluateAsync("param usePostgres = false", "param deployAllowedIpRanges = ['203.0.113.0/28']");

        Assert.True(closed.ExitCode == 0, closed.Errors + closed.Output);
        var vault = closed.Single("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.Equal("Disabled", (string?)vault["publicNetworkAccess"]);
        Assert.Equal("Deny", (string?)vault["networkAcls"]!["defaultAction"]);
        var endpoint = closed.Single("Microsoft.Network/privateEndpoints")["properties"]!;
        Assert.EndsWith("/subnets/endpoints", (string?)endpoint["subnet"]!["id"], StringComparison.Ordinal);
        Assert.Equal("vault", (string?)endpoint["privateLinkServiceConnections"]![0]!["properties"]!["groupIds"]![0]);
        var siteConfig = closed.Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!;
        Assert.Equal("Deny", (string?)siteConfig["scmIpSecurityRestrictionsDefaultAction"]);
        Assert.False((bool?)siteConfig["scmIpSecurityRestrictionsUseMain"]);
        Assert.Empty(siteConfig["scmIpSecurityRestrictions"]!.AsArray());

        var openedVault = opened.Single("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.Equal("Enabled", (string?)openedVault["publicNetworkAccess"]);
        Assert.Equal("Deny", (string?)openedVault["networkAcls"]!["defaultAction"]);
        Assert.Equal("203.0.113.0/28", (string?)openedVault["networkAcls"]!["ipRules"]![0]!["value"]);
        var scmRule = Assert.Single(opened.Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["scmIpSecurityRestrictions"]!.AsArray());
        Assert.Equal("203.0.113.0/28", (string?)scmRule!["ipAddress"]);
        Assert.Equal("Allow", (string?)scmRule["action"]);
    }

    [Fact]
    public async Task Deployment_RestrictToBotService_AllowsOnlyTheBotServiceTag()
    {
        var result = await BicepSnapshot.EvaluateAsync("param usePostgres = false", "param restrictToBotService = true");

        var siteConfig = result.Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!;
        Assert.Equal("Deny", (string?)siteConfig["ipSecurityRestrictionsDefaultAction"]);
        var rule = Assert.Single(siteConfig["ipSecurityRestrictions"]!.AsArray());
        Assert.Equal("ServiceTag", (string?)rule!["tag"]);
        Assert.Equal("AzureBotService", (string?)rule["ipAddress"]);
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
