using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;
using PartnershipBot.Features.Agenda;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>actions --board NAME [--open] [--json]</c>: the board's action log. The JSON is a contract for checks outside the
/// repo: <c>[{"id","text","owner","due","status"}]</c>, due as YYYY-MM-DD or null, status "open" or "done".
/// </summary>
public sealed class ActionsCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "actions";

    /// <inheritdoc />
    public string Summary => "actions --board NAME [--open] [--json] [--data DIR]: the board's action log";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args, "json", "open");
        await using var services = MeetingCycle.Open(options);
        var board = await CliBoards.ResolveAsync(services, options.Require("board"), cancellationToken);
        var actions = await services.GetRequiredService<IActionLog>().ListAsync(board, options.Has("open"), cancellationToken);
        if (options.Has("json"))
        {
            var array = new JsonArray();
            foreach (var action in actions)
            {
                array.Add(new JsonObject
                {
                    ["id"] = action.Number,
                    ["text"] = action.Text,
                    ["owner"] = action.OwnerName,
                    ["due"] = action.Due is { } due ? LocalDatePattern.Iso.Format(due) : null,
                    ["status"] = action.Status,
                });
            }

            await console.Out.WriteLineAsync(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        await console.Out.WriteLineAsync(actions.Count == 0 ? $"The {board} has no {(options.Has("open") ? "open " : string.Empty)}actions." : string.Join("\n", actions.Select(AgendaText.ActionLine)));
        return 0;
    }
}
