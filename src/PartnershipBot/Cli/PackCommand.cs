using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Infrastructure.Documents.Meetings;

namespace PartnershipBot.Cli;

/// <summary><c>pack --board NAME --meeting YYYY-MM-DD --out FILE.docx</c>: writes the meeting's agenda as a Word document for the pack.</summary>
public sealed class PackCommand : MeetingDocumentCommand
{
    /// <inheritdoc />
    public override string Verb => "pack";

    /// <inheritdoc />
    public override string Summary => "pack --board NAME --meeting YYYY-MM-DD --out FILE.docx [--data DIR]: the agenda as a Word document";

    /// <inheritdoc />
    protected override async Task<string> WriteAsync(IServiceProvider services, string board, MeetingRecord meeting, Stream output, CancellationToken cancellationToken)
    {
        var agenda = await services.GetRequiredService<MeetingAgenda>().ForAsync(meeting, cancellationToken);
        // The Teams link lives on the Outlook event, which the verb does not call; the venue is the bot's own record.
        AgendaPackDocument.Write(agenda, meeting.Venue, teamsLink: null, output);
        return $"Wrote the agenda of the {board} for {CliValues.Long(agenda.MeetingDate)} ({agenda.Lines.Count} items, {agenda.Missing.Count()} papers still to come)";
    }
}
