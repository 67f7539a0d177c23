using System.Diagnostics.CodeAnalysis;

namespace PartnershipBot.Cli;

/// <summary>Finds and runs the admin verb named by the first argument.</summary>
public static class AdminCommandLine
{
    private static readonly Lazy<IReadOnlyDictionary<string, IAdminCommand>> Commands = new(Discover);

    /// <summary>All verbs, keyed by name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, IAdminCommand> All => Commands.Value;

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
