using System.Diagnostics.CodeAnalysis;

namespace PartnershipBot.Cli;

/// <summary>Finds and runs the admin verb named by the first argument.</summary>
public static class AdminCommandLine
{
    private static readonly Lazy<IReadOnlyDictionary<string, IAdminCommand>> Commands = new(Discover);

    /// <summary>All verbs, keyed by name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, IAdminCommand> All => Commands.Value;

    /// <summary>
    /// Handles a command line that names a verb, asks for help, or names something that is neither, before any web
    /// host is built: <c>--help</c>, <c>-h</c> and <c>help</c> list the verbs (exit 0), <c>VERB --help</c> shows that
    /// verb's usage (exit 0), and an unknown word exits 2 with the list. Returns null for the host's own command
    /// lines (none, or options such as <c>--urls</c>), which start the bot.
    /// </summary>
    public static async Task<int?> TryRunAsync(string[] args, CommandConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        console ??= CommandConsole.System;
        if (args.Length == 0)
        {
            return null;
        }

        if (IsHelp(args[0]) || string.Equals(args[0], "help", StringComparison.OrdinalIgnoreCase))
        {
            await WriteVerbsAsync(console.Out);
            return 0;
        }

        if (TryFind(args, out var command))
        {
            if (args.Skip(1).Any(IsHelp))
            {
                await console.Out.WriteLineAsync($"Usage: {command.Summary}");
                return 0;
            }

            return await RunAsync(command, args, console);
        }

        if (args[0].StartsWith('-'))
        {
            return null;
        }

        await console.Error.WriteLineAsync($"Unknown command \"{args[0]}\".");
        await WriteVerbsAsync(console.Error);
        return 2;
    }

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "-?" or "/?";

    private static async Task WriteVerbsAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("Usage: PartnershipBot [--urls URL]   runs the bot (http://localhost:3978 by default)");
        await writer.WriteLineAsync("       PartnershipBot VERB [options]  runs one admin command and exits; VERB --help shows its options");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("Verbs:");
        foreach (var command in All.Values.OrderBy(c => c.Verb, StringComparer.Ordinal))
        {
            await writer.WriteLineAsync($"  {command.Verb,-13} {command.Summary}");
        }
    }

    /// <summary>True when <paramref name="args"/> starts with a known verb.</summary>
    public static bool TryFind(string[] args, [NotNullWhen(true)] out IAdminCommand? command)
    {
        command = null;
        return args.Length > 0 && !args[0].StartsWith('-') && All.TryGetValue(args[0], out command);
    }

    /// <summary>Runs <paramref name="command"/> with the arguments after the verb.</summary>
    public static async Task<int> RunAsync(IAdminCommand command, string[] args, CommandConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(args);
        console ??= CommandConsole.System;
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        try
        {
            return await command.RunAsync(args.Skip(1).ToArray(), console, cancellation.Token);
        }
        catch (CommandLineException ex)
        {
            await console.Error.WriteLineAsync($"{command.Verb}: {ex.Message}");
            return 2;
        }
    }

    private static Dictionary<string, IAdminCommand> Discover()
    {
        var commands = typeof(AdminCommandLine).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAdminCommand).IsAssignableFrom(t))
            .Select(t => (IAdminCommand)Activator.CreateInstance(t)!)
            .ToList();
        var duplicate = commands.GroupBy(c => c.Verb, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two admin commands claim the verb '{duplicate.Key}'.");
        }

        return commands.ToDictionary(c => c.Verb, StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>A usage error: printed as one line, exit code 2.</summary>
public sealed class CommandLineException(string message) : Exception(message);
