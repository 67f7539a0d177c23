using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Infrastructure.Documents;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>declarations verify</c> (checks the register's hash chain and names the first broken entry) and
/// <c>declarations export --board NAME [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE [--standing-out FILE]</c> (CSV for
/// Excel; the standing register of interests, each member's current version, to a second file when asked).
/// </summary>
public sealed class DeclarationsCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "declarations";

    /// <inheritdoc />
    public string Summary => "declarations verify [--expect ENTRIES:HEAD] | declarations export --board NAME [--from DATE] [--to DATE] --out FILE [--standing-out FILE]";

    /// <summary>Reads <c>--expect ENTRIES:HEAD</c> (a checkpoint copied from the log), or null.</summary>
    private static RegisterHead? ExpectedHead(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(':', 2);
        return parts.Length == 2 && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var entries) && parts[1].Length > 0
            ? new RegisterHead(entries, parts[1].Trim())
            : throw new CommandLineException("--expect takes ENTRIES:HEAD, as a checkpoint in the log gives them (e.g. --expect 42:3f9a...).");
    }

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args);
        await using var services = StoredTerms.OpenServices(options);
        var register = services.GetRequiredService<IDeclarationRegister>();
        switch (options.Positionals.FirstOrDefault())
        {
            case "verify":
                var verification = await register.VerifyAsync(ExpectedHead(options.Get("expect")), cancellationToken);
                if (verification.Intact)
                {
                    await console.Out.WriteLineAsync($"Register intact: {verification.Entries} entries, every hash and link matches (audit log: {verification.AuditEntries} entries, intact).");
                    return 0;
                }

                var where = verification.FirstBrokenSequence is { } first ? $" at entry #{first}" : string.Empty;
                await console.Out.WriteLineAsync($"Register BROKEN{where} ({verification.Entries} entries and {verification.AuditEntries} audit entries checked):");
                foreach (var problem in verification.Problems ?? [])
                {
                    await console.Out.WriteLineAsync($"- {problem}");
                }

                return 1;
            case "export":
                var typed = options.Require("board");
                // A name the register holds entries under is used as given; anything else is resolved among the stored boards.
                var board = (await register.ListAsync(typed, item: null, cancellationToken)).Count > 0 ? typed : await CliBoards.ResolveAsync(services, typed, cancellationToken);
                var from = options.Get("from") is { } f ? CliValues.Date(f, "--from") : (LocalDate?)null;
                var to = options.Get("to") is { } t ? CliValues.Date(t, "--to") : (LocalDate?)null;
                // The same filter as the tab's register, so both export the same rows for the same dates.
                var records = new RegisterFilter(From: from, To: to).Apply(await register.ListAsync(board, item: null, cancellationToken));
                var output = options.Require("out");
                await using (var file = File.Create(output))
                {
                    await DeclarationsCsv.WriteAsync(records, file, cancellationToken);
                }

                await console.Out.WriteLineAsync($"Exported {records.Count} declarations for \"{board}\" to {output}.");
                // The standing register goes to a second file, so the per-item CSV's columns stay as they are.
                if (options.Get("standing-out") is { } standingOutput)
                {
                    var standing = services.GetRequiredService<Features.Interests.IStandingInterestRegister>();
                    var versions = await InterestsCommand.ExportAsync(standing, board, history: false, standingOutput, cancellationToken);
                    await console.Out.WriteLineAsync($"Exported {versions} members' standing declarations for \"{board}\" to {standingOutput}.");
                }

                return 0;
            default:
                throw new CommandLineException("Usage: declarations verify [--expect ENTRIES:HEAD] | declarations export --board NAME [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE [--standing-out FILE]");
        }
    }
}
