using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Infrastructure.Persistence;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>db migrate | export --out FILE | import FILE</c> (also <c>export</c> and <c>import</c> on their own): the
/// data layer's admin work, against the database the configuration names (Storage:Provider).
/// </summary>
public sealed class DbCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "db";

    /// <inheritdoc />
    public string Summary => "db migrate | db export --out FILE | db import FILE [--data DIR]: schema and portable dumps";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(args);
        var options = new CommandArguments(args);
        var action = options.Positionals.FirstOrDefault() ?? throw new CommandLineException("Usage: db migrate | db export --out FILE | db import FILE");
        await using var services = StoredTerms.OpenServices(options);
        var database = services.GetRequiredService<IDatabase>();
        var time = services.GetRequiredService<TimeProvider>();
        switch (action)
        {
            case "migrate":
                var applied = database switch
                {
                    SqliteDatabase sqlite => await sqlite.MigrateAsync(cancellationToken),
                    PostgresDatabase postgres => await postgres.MigrateAsync(cancellationToken),
                    _ => [],
                };
                await console.Out.WriteLineAsync(applied.Count == 0
                    ? $"{database.Provider}: schema already up to date (version {Migrator.Scripts(database.Provider).Max(s => s.Version)})."
                    : $"{database.Provider}: applied migrations {string.Join(", ", applied)}.");
                return 0;
            case "export":
                var output = options.Require("out");
                await using (var file = File.Create(output))
                {
                    var rows = await DatabaseTransfer.ExportAsync(database, file, time.GetUtcNow(), cancellationToken);
                    await console.Out.WriteLineAsync($"Exported {rows} rows from {database.Provider} to {output}.");
                }

                return 0;
            case "import":
                var input = options.Positionals.Skip(1).FirstOrDefault() ?? throw new CommandLineException("Usage: db import FILE");
                try
                {
                    await using var file = File.OpenRead(input);
                    var rows = await DatabaseTransfer.ImportAsync(database, file, cancellationToken);
                    await console.Out.WriteLineAsync($"Imported {rows} rows into {database.Provider}.");
                    return 0;
                }
                catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or System.Text.Json.JsonException)
                {
                    throw new CommandLineException(ex.Message);
                }

            default:
                throw new CommandLineException($"Unknown db action '{action}'. Use migrate, export or import.");
        }
    }
}

/// <summary><c>export --out FILE</c>: the same as <c>db export</c>.</summary>
public sealed class ExportCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "export";

    /// <inheritdoc />
    public string Summary => "export --out FILE: portable JSON dump of the bot's data (same as db export)";

    /// <inheritdoc />
    public Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken) =>
        new DbCommand().RunAsync(["export", .. args], console, cancellationToken);
}

/// <summary><c>import FILE</c>: the same as <c>db import</c>.</summary>
public sealed class ImportCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "import";

    /// <inheritdoc />
    public string Summary => "import FILE: load a dump into an empty database (same as db import)";

    /// <inheritdoc />
    public Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken) =>
        new DbCommand().RunAsync(["import", .. args], console, cancellationToken);
}
