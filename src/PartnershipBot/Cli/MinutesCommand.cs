using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Infrastructure.Documents.Meetings;

namespace PartnershipBot.Cli;

/// <summary><c>minutes --board NAME --meeting YYYY-MM-DD --out FILE.docx</c>: writes the secretary's draft minutes as a Word document.</summary>
public sealed class MinutesCommand : MeetingDocumentCommand
{
    /// <inheritdoc />
    public override string Verb => "minutes";

    /// <inheritdoc />
    public override string Summary => "minutes --board NAME --meeting YYYY-MM-DD --out FILE.docx [--data DIR]: draft minutes as a Word document";

    /// <inheritdoc />
    protected override async Task<string> WriteAsync(IServiceProvider services, string board, MeetingRecord meeting, Stream output, CancellationToken cancellationToken)
    {
        var draft = await services.GetRequiredService<MeetingMinutes>().ForAsync(meeting, cancellationToken);
        MinutesDraftDocument.Write(draft, output);
        return $"Wrote draft minutes of the {board} for {CliValues.Long(draft.Agenda.MeetingDate)} ({draft.Declarations.Count} declarations, {draft.Apologies.Count} apologies)";
    }
}
