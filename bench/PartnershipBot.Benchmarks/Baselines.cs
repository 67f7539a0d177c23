namespace PartnershipBot.Benchmarks;

/// <summary>
/// Starts the comparison bots as their own processes, or says why one cannot run (and returns null), so the
/// benchmark still measures ours on a machine without node or the npm packages.
/// </summary>
internal static class Baselines
{
    public static async Task<ChildProcess?> StartBotbuilderEchoAsync(string repository)
    {
        var folder = Path.Combine(repository, "bench", "botbuilder-echo");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "botbuilder")))
        {
            Console.WriteLine();
            Console.WriteLine($"botbuilder-js echo: skipped, its npm packages are missing (run `npm ci` in {folder})");
            return null;
        }

        try
        {
            return await ChildProcess.StartAsync("node", [Path.Combine(folder, "index.js")], folder);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.WriteLine();
            Console.WriteLine($"botbuilder-js echo: skipped, node could not be started ({ex.Message})");
            return null;
        }
    }

    public static async Task<ChildProcess?> StartMinimalEchoAsync(string repository)
    {
        var dll = BuiltOutput(repository, Path.Combine("bench", "MinimalEcho"), "MinimalEcho.dll");
        if (!File.Exists(dll))
        {
            Console.WriteLine();
            Console.WriteLine($"bare ASP.NET Core echo: skipped, {dll} is not built");
            return null;
        }

        return await ChildProcess.StartAsync("dotnet", [dll, "--urls", "http://127.0.0.1:{port}", "--Logging:LogLevel:Default", "Warning"]);
    }

    /// <summary>A project's output for the configuration and framework this benchmark was built with (the benchmark references it, so it is built too).</summary>
    public static string BuiltOutput(string repository, string project, string file)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(repository, project, "bin", output.Parent!.Name, output.Name, file);
    }
}
