namespace PartnershipBot.Cli;

/// <summary>
/// Minimal option parsing shared by the verbs: <c>--name value</c> (repeatable), <c>--flag</c>, and positionals.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> flags = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses <paramref name="args"/>; names in <paramref name="flagNames"/> take no value.</summary>
    public CommandArguments(IReadOnlyList<string> args, params string[] flagNames)
    {
        ArgumentNullException.ThrowIfNull(args);
        var flagSet = new HashSet<string>(flagNames, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                if (flagSet.Contains(name))
                {
                    flags.Add(name);
                    continue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new CommandLineException($"--{name} needs a value.");
                }

                if (!options.TryGetValue(name, out var values))
                {
                    options[name] = values = [];
                }

                values.Add(args[++i]);
            }
            else
            {
                Positionals.Add(arg);
            }
        }
    }

    /// <summary>Arguments that are not options.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>True when the flag was given.</summary>
    public bool Has(string flag) => flags.Contains(flag);

    /// <summary>The last value of an option, or null.</summary>
    public string? Get(string name) => options.TryGetValue(name, out var v) ? v[^1] : null;

    /// <summary>All values of a repeatable option.</summary>
    public IReadOnlyList<string> GetAll(string name) => options.TryGetValue(name, out var v) ? v : [];

    /// <summary>The value of a required option, or a usage error.</summary>
    public string Require(string name) => Get(name) ?? throw new CommandLineException($"--{name} is required.");
}
