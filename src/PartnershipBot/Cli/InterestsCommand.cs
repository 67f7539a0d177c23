using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Interests;
using PartnershipBot.Infrastructure.Documents;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>interests export --board NAME [--history] --out FILE</c> (the standing register as CSV: each member's current
/// version, or every version with <c>--history</c>) and <c>interests verify</c> (its keyed hash chain, exit 1 if broken).
/// </summary>
public sealed class InterestsCommand : IAdminCommand
{
    /// <summary>How to use it.</summary>
    public const string Usage = "interests export --board NAME [--history] --out FILE | interests verify";

    /// <inheritdoc />
    public string Verb => "interests";

    /// <inheritdoc />
    public string Summary => Usage;

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args, "history");
        await using var services = StoredTerms.OpenServices(options);
        var register = services.GetRequiredService<IStandingInterestRegister>();
        switch (options.Positionals.FirstOrDefault())
        {
            case "export":
                var typed = options.Require("board");
                var board = (await register.HistoryAsync(typed, cancellationToken)).Count > 0 ? typed : await CliBoards.ResolveAsync(services, typed, cancellationToken);
                var output = options.Require("out");
                var count = await ExportAsync(register, board, options.Has("history"), output, cancellationToken);
                await console.Out.WriteLineAsync($"Exported {count} standing declaration versions for \"{board}\" to {output}.");
                return 0;
            case "verify":
                var verification = await register.VerifyAsync(cancellationToken);
                if (verification.Intact)
                {
                    await console.Out.WriteLineAsync($"Standing register intact: {verification.Entries} versions, every hash and link matches.");
                    return 0;
                }

                await console.Out.WriteLineAsync($"Standing register BROKEN ({verification.Entries} versions checked):");
                foreach (var problem in verification.Problems ?? [])
                {
                    await console.Out.WriteLineAsync($"- {problem}");
                }

                return 1;
            default:
                throw new CommandLineException("Usage: " + Usage);
        }
    }

    /// <summary>Writes the board's standing register to <paramref name="path"/>; returns how many versions it holds.</summary>
    public static async Task<int> ExportAsync(IStandingInterestRegister register, string board, bool history, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(register);
        var records = history ? await register.HistoryAsync(board, cancellationToken) : await register.CurrentAsync(board, cancellationToken);
        await using var file = File.Create(path);
        await StandingInterestsCsv.WriteAsync(records, file, cancellationToken);
        return records.Count;
    }
}
