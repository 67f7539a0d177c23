using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;
using PartnershipBot.Features.Agenda;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>agenda --board NAME --meeting YYYY-MM-DD [--json]</c>: the meeting's agenda with each paper's state and the day the
/// pack goes out. The JSON is a contract for checks outside the repo:
/// <c>{"board","meeting","packDue","items":[{"number","title","owner","financial","paper"}]}</c>.
/// </summary>
public sealed class AgendaCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "agenda";

    /// <inheritdoc />
    public string Summary => "agenda --board NAME --meeting YYYY-MM-DD [--json] [--data DIR]: a meeting's agenda, papers and pack date";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args, "json");
        var (services, board, meeting) = await MeetingCycle.OpenMeetingAsync(options, cancellationToken);
        await using var opened = services;
        var agenda = await services.GetRequiredService<MeetingAgenda>().ForAsync(meeting, cancellationToken);
        await console.Out.WriteLineAsync(options.Has("json") ? Json(agenda) : AgendaText.Markdown(agenda));
        return 0;
    }

    /// <summary>The contract's JSON for <paramref name="agenda"/>.</summary>
    public static string Json(AgendaView agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var items = new JsonArray();
        foreach (var line in agenda.Lines)
        {
            items.Add(new JsonObject
            {
                ["number"] = line.Number,
                ["title"] = line.Title,
                ["owner"] = line.OwnerName,
                ["financial"] = line.Financial,
                ["paper"] = AgendaText.Word(line.Paper),
            });
        }

        return new JsonObject
        {
            ["board"] = agenda.BoardName,
            ["meeting"] = LocalDatePattern.Iso.Format(agenda.MeetingDate),
            ["packDue"] = LocalDatePattern.Iso.Format(agenda.PackDue),
            ["items"] = items,
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
