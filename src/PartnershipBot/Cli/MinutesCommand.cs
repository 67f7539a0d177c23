using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Infrastructure.Documents.Meetings;

namespace PartnershipBot.Cli;

/// <summary><c>minutes --board NAME --meeting YYYY-MM-DD --out FILE.docx</c>: writes the secretary's draft minutes as a Word document.</summary>
public sealed class MinutesCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "minutes";

    /// <inheritdoc />
    public string Summary => "minutes --board NAME --meeting YYYY-MM-DD --out FILE.docx [--data DIR]: draft minutes as a Word document";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args);
        var output = options.Require("out");
        var (services, board, meeting) = await MeetingCycle.OpenMeetingAsync(options, cancellationToken);
        await using var opened = services;
        var draft = await services.GetRequiredService<MeetingMinutes>().ForAsync(meeting, cancellationToken);
        await using (var file = File.Create(output))
        {
            MinutesDraftDocument.Write(draft, file);
        }

        await console.Out.WriteLineAsync($"Wrote draft minutes of the {board} for {CliValues.Long(draft.Agenda.MeetingDate)} ({draft.Declarations.Count} declarations, {draft.Apologies.Count} apologies) to {output}.");
        return 0;
    }
}
