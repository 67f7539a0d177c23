using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Cli;

/// <summary>
/// A verb that writes one Word document about one meeting (<c>pack</c>, <c>minutes</c>):
/// <c>--board NAME --meeting YYYY-MM-DD --out FILE.docx [--data DIR]</c>.
/// </summary>
public abstract class MeetingDocumentCommand : IAdminCommand
{
    /// <inheritdoc />
    public abstract string Verb { get; }

    /// <inheritdoc />
    public abstract string Summary { get; }

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args);
        var output = options.Require("out");
        var (services, board, meeting) = await MeetingCycle.OpenMeetingAsync(options, cancellationToken);
        await using var opened = services;
        string said;
        await using (var file = File.Create(output))
        {
            said = await WriteAsync(services, board, meeting, file, cancellationToken);
        }

        await console.Out.WriteLineAsync($"{said} to {output}.");
        return 0;
    }

    /// <summary>Writes the document for <paramref name="meeting"/> and returns what was written ("Wrote the agenda of …").</summary>
    protected abstract Task<string> WriteAsync(IServiceProvider services, string board, MeetingRecord meeting, Stream output, CancellationToken cancellationToken);
}
