using System.Text.Json;
using NodaTime.Text;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>schedule --tor FILE --from YYYY-MM-DD --count N [--json]</c>: a dry run of the meetings the bot would
/// propose from the ToR's cadence (no calendar is touched). Keep this contract.
/// </summary>
public sealed class ScheduleCommand : IAdminCommand
{
    // Always a numeric offset ("+00:00" in winter, "+01:00" in summer), never "Z".
    private static readonly OffsetDateTimePattern Iso = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <inheritdoc />
    public string Verb => "schedule";

    /// <inheritdoc />
    public string Summary => "schedule --tor FILE --from YYYY-MM-DD --count N [--json]: propose meetings from the ToR cadence (dry run)";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args, "json");
        var library = await TorLoading.LoadFilesAsync([options.Require("tor")], cancellationToken);
        var from = CliValues.Date(options.Require("from"), "--from");
        var count = CliValues.Count(options.Require("count"), "--count", minimum: 1);
        var nationName = options.Get("nation") ?? "england-and-wales";
        var nation = UkNations.Parse(nationName)
            ?? throw new CommandLineException($"--nation must be england-and-wales, scotland or northern-ireland, got '{nationName}'.");
        ScheduleProposal proposal;
        try
        {
            proposal = ScheduleProposer.Propose(library.Boards[0], from, count, MeetingPreferences.Default, UkWorkingDays.For(nation));
        }
        catch (OutsideHolidayDataException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        if (proposal.Refusal is not null)
        {
            await console.Error.WriteLineAsync(proposal.Refusal);
            return 1;
        }

        foreach (var meeting in proposal.Meetings)
        {
            var result = new ScheduleResult(Iso.Format(meeting.Start.ToOffsetDateTime()), Iso.Format(meeting.End.ToOffsetDateTime()), meeting.Reason);
            await console.Out.WriteLineAsync(options.Has("json")
                ? JsonSerializer.Serialize(result, VerbJsonContext.Relaxed.ScheduleResult)
                : $"{CliValues.Long(meeting.Start.Date)} {meeting.Start.TimeOfDay:HH:mm}-{meeting.End.TimeOfDay:HH:mm} ({meeting.Start.Zone.Id})");
        }

        if (!options.Has("json") && proposal.Meetings.Count > 0)
        {
            await console.Out.WriteLineAsync($"Cadence from the ToR: “{proposal.Meetings[0].Reason}”");
        }

        return 0;
    }
}

/// <summary>The <c>schedule --json</c> shape: ISO-8601 with offset, and the cadence clause used.</summary>
/// <param name="Start">Start, e.g. 2026-12-08T10:00:00Z or +01:00 in summer.</param>
/// <param name="End">End.</param>
/// <param name="Reason">The cadence clause.</param>
public sealed record ScheduleResult(string Start, string End, string Reason);
