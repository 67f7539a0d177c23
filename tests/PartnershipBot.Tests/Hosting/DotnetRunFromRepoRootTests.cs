using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Hosting;

/// <summary>
/// README's "run the bot locally" command, from the repo root: the host must load its own appsettings.json (content
/// root = the app's folder, not the caller's) and start in Development through Properties/launchSettings.json.
/// </summary>
[Trait(TestTier.Category, TestTier.ChildProcess)]
public sealed class DotnetRunFromRepoRootTests
{
    [Fact]
    public async Task DotnetRun_FromRepoRoot_LoadsAppSettings_AndRunsInDevelopment()
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("pb-run-").FullName;
        // README: `dotnet run --project src/PartnershipBot`. --no-build and the test's own configuration reuse the
        // build this test run already made; the working directory and launch profile are exactly README's.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var arg in new[] { "run", "--project", "src/PartnershipBot", "--no-build", "-c", Configuration(), "--", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = data;
        start.Environment["TermsOfReference__SeedDirectory"] = string.Empty;
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        var lines = new ConcurrentQueue<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(client, process, lines);
            for (var i = 0; i < 4; i++)
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await Task.Delay(500);
            var log = string.Join('\n', lines);
            Assert.Contains("Hosting environment: Development", log, StringComparison.Ordinal);
            Assert.Contains($"Content root path: {Path.Combine(RepositoryPaths.Root, "src", "PartnershipBot", "bin")}", log, StringComparison.Ordinal);
            // appsettings.json holds Microsoft.AspNetCore at Warning: without it each request logs info lines.
            Assert.DoesNotContain("info: Microsoft.AspNetCore", log, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilServingAsync(HttpClient client, Process process, ConcurrentQueue<string> lines)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "the bot exited:\n" + string.Join('\n', lines));
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("the bot did not serve /healthz within 60 s:\n" + string.Join('\n', lines));
    }
}
