using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Storage;

/// <summary>
/// A write the bot has acknowledged survives the process being killed straight afterwards: the real host
/// runs in its own process, stores a ToR, says so, and is killed (SIGKILL) the moment it does.
/// </summary>
[Trait(TestTier.Category, TestTier.ChildProcess)]
public class CrashSafetyTests
{
    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_acknowledged_ingest_is_there_after_the_process_is_killed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tor = RepositoryPaths.Combine("samples", "tor", "002_0670f6a07b026fcd.txt");

        var acknowledgement = await RunUntilAcknowledgedThenKillAsync(database.Settings, ["ingest", tor, "--board", "Crash Test Board"], "Stored ");

        Assert.Contains("as version 1 of \"Crash Test Board\"", acknowledgement, StringComparison.Ordinal);
        var stored = await new TermsDocumentStore(database.Factory(), new FakeTimeProvider()).GetLatestAsync("Crash Test Board", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(await File.ReadAllBytesAsync(tor), stored.Content);
    }

    private static async Task<string> RunUntilAcknowledgedThenKillAsync(IReadOnlyDictionary<string, string> settings, string[] args, string acknowledgement)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "PartnershipBot.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(host);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["TermsOfReference__SeedDirectory"] = string.Empty;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(acknowledgement, StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(timeout.Token);
                return line;
            }
        }

        throw new InvalidOperationException("The host exited without acknowledging: " + await process.StandardError.ReadToEndAsync(timeout.Token));
    }
}
