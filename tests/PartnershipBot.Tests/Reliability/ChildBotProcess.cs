using System.Diagnostics;

namespace PartnershipBot.Tests.Reliability;

/// <summary>
/// The built PartnershipBot.dll run as its own process (as deployed), configured through environment variables,
/// so a test can kill it with SIGKILL mid-work and start it again over the same data.
/// </summary>
public sealed class ChildBotProcess : IDisposable
{
    private readonly Process process;

    private ChildBotProcess(Process process) => this.process = process;

    /// <summary>Starts the bot serving on a free loopback port with <paramref name="settings"/> (configuration keys).</summary>
    public static ChildBotProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartnershipBot.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["TermsOfReference__SeedDirectory"] = string.Empty;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the bot did not start");
        // Drain both pipes so a chatty child never blocks on a full one.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildBotProcess(process);
    }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !process.HasExited;

    /// <summary>SIGKILL: no shutdown hooks, no draining, whatever was in flight is cut off.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
