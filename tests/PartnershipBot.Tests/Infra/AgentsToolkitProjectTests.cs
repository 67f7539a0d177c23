using System.Diagnostics;
using System.Text.Json.Nodes;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Infra;

/// <summary>
/// m365agents.yml as the Microsoft 365 Agents Toolkit reads it: its own YamlParser (with schema validation), and
/// every <c>${{NAME}}</c> a step uses set by the env file or an earlier step, arm/deploy's outputs named by the
/// toolkit's own conversion from the compiled template. tests/toolkit holds the pinned CLI (npm, installed by .ci/run).
/// </summary>
[Trait(TestTier.Category, TestTier.Node)]
public sealed class AgentsToolkitProjectTests
{
    private static string ToolkitDirectory => RepositoryPaths.Combine("tests", "toolkit");

    [AgentsToolkitFact]
    public async Task ProjectFile_ParsesWithTheToolkitsParser_AndEveryPlaceholderIsProduced()
    {
        var (exitCode, output) = await CheckAsync(RepositoryPaths.Combine("m365agents.yml"), await MainTemplateOutputsAsync());

        Assert.True(exitCode == 0, output);
        Assert.Contains("ok   YamlParser accepts m365agents.yml", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ passed, 0 failed", output);
    }

    [AgentsToolkitFact]
    public async Task Checker_RejectsTheOldV15File_AndCamelCaseOutputs()
    {
        // The file as it was: v1.5 with outputFolder, and Bicep outputs that the toolkit upper-cases to BOTID.
        var directory = Directory.CreateTempSubdirectory("pb-toolkit-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "env"));
            File.Copy(RepositoryPaths.Combine("env", ".env.dev"), Path.Combine(directory, "env", ".env.dev"));
            var project = (await File.ReadAllTextAsync(RepositoryPaths.Combine("m365agents.yml")))
                .Replace("version: v1.7", "version: v1.5", StringComparison.Ordinal);
            var file = Path.Combine(directory, "m365agents.yml");
            await File.WriteAllTextAsync(file, project);
            var (exitCode, output) = await CheckAsync(file, await MainTemplateOutputsAsync());
            Assert.NotEqual(0, exitCode);
            Assert.Contains("FAIL YamlParser accepts", output, StringComparison.Ordinal);

            var camelOutputs = new JsonObject { ["botId"] = new JsonObject { ["type"] = "String" }, ["webAppName"] = new JsonObject { ["type"] = "String" } };
            var v17 = Path.Combine(directory, "ok.yml");
            await File.WriteAllTextAsync(v17, await File.ReadAllTextAsync(RepositoryPaths.Combine("m365agents.yml")));
            foreach (var folder in new[] { "manifest", "infra" })
            {
                CopyDirectory(RepositoryPaths.Combine(folder), Path.Combine(directory, folder));
            }

            (exitCode, output) = await CheckAsync(v17, camelOutputs);
            Assert.NotEqual(0, exitCode);
            Assert.Contains("${{BOT_ID}} is set by no earlier step", output, StringComparison.Ordinal);
            Assert.Contains("${{WEB_APP_NAME}} is set by no earlier step", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<JsonNode> MainTemplateOutputsAsync()
    {
        var (exitCode, template, errors) = await BicepCli.RunAsync("build", RepositoryPaths.Combine("infra", "main.bicep"), "--stdout");
        Assert.True(exitCode == 0, errors);
        return JsonNode.Parse(template)!["outputs"]!.DeepClone();
    }

    private static async Task<(int ExitCode, string Output)> CheckAsync(string projectFile, JsonNode outputs)
    {
        var outputsFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(outputsFile, outputs.ToJsonString());
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ToolkitDirectory };
            foreach (var arg in new[] { Path.Combine(ToolkitDirectory, "check-project.js"), projectFile, "dev", outputsFile })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await error);
        }
        finally
        {
            File.Delete(outputsFile);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>
/// A fact that needs tests/toolkit's npm packages: skipped (visibly) on a developer machine without them, never in
/// CI, where their absence is a failure.
/// </summary>
internal sealed class AgentsToolkitFactAttribute : FactAttribute
{
    public AgentsToolkitFactAttribute()
    {
        var installed = Directory.Exists(RepositoryPaths.Combine("tests", "toolkit", "node_modules", "@microsoft", "teamsfx-core"));
        if (!installed && Environment.GetEnvironmentVariable("CI") is null)
        {
            Skip = "tests/toolkit has no node_modules: run `npm ci` there (bash .ci/run does).";
        }
    }
}
