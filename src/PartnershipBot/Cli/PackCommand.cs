using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Infrastructure.Documents.Meetings;

namespace PartnershipBot.Cli;

/// <summary><c>pack --board NAME --meeting YYYY-MM-DD --out FILE.docx</c>: writes the meeting's agenda as a Word document for the pack.</summary>
public sealed class PackCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "pack";

    /// <inheritdoc />
    public string Summary => "pack --board NAME --meeting YYYY-MM-DD --out FILE.docx [--data DIR]: the agenda as a Word document";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args);
        var output = options.Require("out");
        var (services, board, meeting) = await MeetingCycle.OpenMeetingAsync(options, cancellationToken);
        await using var opened = services;
        var agenda = await services.GetRequiredService<MeetingAgenda>().ForAsync(meeting, cancellationToken);
        await using (var file = File.Create(output))
        {
            // The Teams link lives on the Outlook event, which the verb does not call; the venue is the bot's own record.
            AgendaPackDocument.Write(agenda, meeting.Venue, teamsLink: null, file);
        }

        await console.Out.WriteLineAsync($"Wrote the agenda of the {board} for {CliValues.Long(agenda.MeetingDate)} ({agenda.Lines.Count} items, {agenda.Missing.Count()} papers still to come) to {output}.");
        return 0;
    }
}
