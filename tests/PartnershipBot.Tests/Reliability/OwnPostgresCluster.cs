using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PartnershipBot.Tests.Reliability;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb in a temp folder, run as the postgres user), so a test can stop
/// and start the server without disturbing the shared one other tests use. Needs root (to act as postgres) and
/// PostgreSQL 15's binaries, which the machines that set PARTNERSHIPBOT_TEST_POSTGRES have.
/// </summary>
public sealed class OwnPostgresCluster : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string directory;
    private readonly int port;

    private OwnPostgresCluster(string directory, int port)
    {
        this.directory = directory;
        this.port = port;
    }

    /// <summary>Connection string to the cluster's postgres database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=5";

    private string Data => Path.Combine(directory, "data");

    /// <summary>Creates and starts a cluster on a free loopback port.</summary>
    public static async Task<OwnPostgresCluster> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("pb-pg-own-").FullName;
        var cluster = new OwnPostgresCluster(directory, FreePort());
        await RunAsync("chown", ["postgres", directory]);
        await AsPostgresAsync($"{Bin}/initdb -D {cluster.Data} -U postgres -A trust");
        await cluster.StartServerAsync();
        return cluster;
    }

    /// <summary>Fast shutdown: open connections are terminated, as in a restart or failover.</summary>
    public Task StopServerAsync() => AsPostgresAsync($"{Bin}/pg_ctl -D {Data} -m fast -w stop");

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public Task StartServerAsync() =>
        AsPostgresAsync($"{Bin}/pg_ctl -D {Data} -o '-c listen_addresses=127.0.0.1 -p {port} -k {directory}' -l {directory}/log -w start");

    public async ValueTask DisposeAsync()
    {
        await AsPostgresAsync($"{Bin}/pg_ctl -D {Data} -m immediate -w stop || true");
        Directory.Delete(directory, recursive: true);
    }

    private static Task AsPostgresAsync(string command) => RunAsync("su", ["postgres", "-c", command]);

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var errors = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
