using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PartnershipBot.Benchmarks;

/// <summary>
/// A server run as its own process on a free 127.0.0.1 port (an echo baseline, or the bot for its footprint),
/// ready once its /healthz answers 200. Disposing kills it (and only it).
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly Stopwatch clock;
    private readonly System.Collections.Concurrent.ConcurrentQueue<(TimeSpan At, string Line)> output;

    private ChildProcess(Process process, int port, TimeSpan startup, Stopwatch clock, System.Collections.Concurrent.ConcurrentQueue<(TimeSpan At, string Line)> output)
    {
        this.process = process;
        Port = port;
        Startup = startup;
        this.clock = clock;
        this.output = output;
    }

    /// <summary>
    /// How long after Process.Start the first stdout line containing <paramref name="text"/> came (a log line marking
    /// background work done, such as the embedding model loaded), or null if none within <paramref name="timeout"/>.
    /// </summary>
    public async Task<TimeSpan?> WhenPrintedAsync(string text, TimeSpan timeout)
    {
        while (clock.Elapsed < timeout)
        {
            foreach (var (at, line) in output)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return at;
                }
            }

            await Task.Delay(10);
        }

        return null;
    }

    public int Port { get; }

    /// <summary>From Process.Start to the first 200 from /healthz.</summary>
    public TimeSpan Startup { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Resident memory now, in MiB.</summary>
    public double WorkingSetMiB
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64 / (1024.0 * 1024);
        }
    }

    /// <summary>CPU time the process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/>; "{port}" in them and PORT in its environment are
    /// the chosen port; <paramref name="environment"/> is added to the inherited environment (runtime knobs under test).
    /// </summary>
    public static async Task<ChildProcess> StartAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        // Drain the pipes so a chatty child never blocks on a full one.
        var output = new System.Collections.Concurrent.ConcurrentQueue<(TimeSpan At, string Line)>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null && output.Count < 10_000) { output.Enqueue((clock.Elapsed, e.Data)); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"  [{Path.GetFileName(fileName)}] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var health = new Uri($"http://127.0.0.1:{port}/healthz");
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{fileName} exited with {process.ExitCode} before it was ready");
            }

            try
            {
                using var response = await client.GetAsync(health);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new ChildProcess(process, port, clock.Elapsed, clock, output);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering within the probe's 2 s (a loaded machine during start-up): try again.
            }

            await Task.Delay(5);
        }

        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new TimeoutException($"{fileName} did not answer /healthz within 60 s");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
