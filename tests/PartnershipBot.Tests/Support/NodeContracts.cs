using PartnershipBot.Testing;
using System.Diagnostics;

namespace PartnershipBot.Tests.Support;

/// <summary>
/// Runs tests/contracts/validate.js (official JSON schemas through Ajv, cards through the official
/// Adaptive Cards renderer). Its npm packages are installed by .ci/run (`npm ci` in tests/contracts).
/// </summary>
internal static class NodeContracts
{
    public static string Directory => RepositoryPaths.Combine("tests", "contracts");

    public static bool Installed => System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "ajv"));

    public static async Task<(int ExitCode, string Output)> ValidateAsync(string mode, string target, string schema)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
        foreach (var arg in new[] { Path.Combine(Directory, "validate.js"), mode, target, schema })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>
/// A fact that needs tests/contracts' npm packages: skipped (visibly) on a developer machine without them,
/// but never in CI, where their absence is a failure.
/// </summary>
internal sealed class NodeContractsFactAttribute : FactAttribute
{
    public NodeContractsFactAttribute()
    {
        if (!NodeContracts.Installed && Environment.GetEnvironmentVariable("CI") is null)
        {
            Skip = "tests/contracts has no node_modules: run `npm ci` there (bash .ci/run does).";
        }
    }
}
