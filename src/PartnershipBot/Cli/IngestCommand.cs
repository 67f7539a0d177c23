using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Infrastructure.Documents;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>ingest FILE [--board NAME]</c>: stores a ToR (.txt, .md, .docx) in the bot's store as the board's
/// newest version; earlier versions are kept.
/// </summary>
public sealed class IngestCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "ingest";

    /// <inheritdoc />
    public string Summary => "ingest FILE [--board NAME]: store a ToR (.txt, .md, .docx) as the board's newest version";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args);
        if (options.Positionals.Count != 1)
        {
            throw new CommandLineException("Usage: ingest FILE [--board NAME]");
        }

        var path = options.Positionals[0];
        if (!File.Exists(path))
        {
            throw new CommandLineException($"ToR file not found: {path}");
        }

        await using var services = StoredTerms.OpenServices(options);
        var store = services.GetRequiredService<ITermsDocumentStore>();
        try
        {
            var stored = await StoredTorLibrarySource.IngestAsync(store, path, options.Get("board"), "cli", cancellationToken);
            await console.Out.WriteLineAsync($"Stored {stored.FileName} as version {stored.Version} of \"{stored.BoardName}\".");
            return 0;
        }
        catch (InvalidDataException ex)
        {
            throw new CommandLineException(ex.Message);
        }
    }
}
