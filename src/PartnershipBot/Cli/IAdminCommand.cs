namespace PartnershipBot.Cli;

/// <summary>
/// One admin verb of the host (e.g. <c>ask</c>, <c>quorum</c>). Implementations are discovered by
/// reflection, so a feature adds a verb by adding a class, not by editing a central switch.
/// </summary>
public interface IAdminCommand
{
    /// <summary>The first command-line word that selects this command, e.g. "ask" or "db".</summary>
    string Verb { get; }

    /// <summary>One line shown by <c>help</c>.</summary>
    string Summary { get; }

    /// <summary>Runs the verb. <paramref name="args"/> excludes the verb itself. Returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken);
}

/// <summary>The standard streams a command uses, injectable so tests can run verbs in-process.</summary>
public sealed record CommandConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>The process's real console.</summary>
    public static CommandConsole System => new(Console.In, Console.Out, Console.Error);
}
