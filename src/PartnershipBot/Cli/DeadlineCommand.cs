using System.Text.Json;
using NodaTime.Text;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Deadlines;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>deadline --meeting YYYY-MM-DD --rule "TEXT" [--nation england-and-wales|scotland|northern-ireland] [--json]</c>:
/// the date a ToR deadline falls on for a meeting, in UK working days. Keep this contract.
/// </summary>
public sealed class DeadlineCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "deadline";

    /// <inheritdoc />
    public string Summary => "deadline --meeting YYYY-MM-DD --rule \"TEXT\" [--nation NATION] [--json]: when a ToR deadline falls";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args, "json");
        var meeting = CliValues.Date(options.Require("meeting"), "--meeting");
        var text = options.Require("rule");
        var nationName = options.Get("nation") ?? "england-and-wales";
        var nation = UkNations.Parse(nationName)
            ?? throw new CommandLineException($"--nation must be england-and-wales, scotland or northern-ireland, got '{nationName}'.");
        var rule = DeadlineRule.Parse(text);
        if (rule is null)
        {
            await console.Error.WriteLineAsync($"No deadline found in: \"{text}\". Expected wording such as \"at least three working days before a meeting\" or \"within 10 working days\".");
            return 1;
        }

        try
        {
            var date = rule.DeadlineFor(meeting, UkWorkingDays.For(nation));
            var result = new DeadlineResult(LocalDatePattern.Iso.Format(date), rule.Kind.ToString().ToLowerInvariant(), rule.Period.Describe());
            await console.Out.WriteLineAsync(options.Has("json")
                ? JsonSerializer.Serialize(result, VerbJsonContext.Relaxed.DeadlineResult)
                : $"{result.Kind} deadline: {CliValues.Long(date)} ({result.Date}): {result.Rule} on {CliValues.Long(meeting)}, counting {nation.Division()} bank holidays.");
            return 0;
        }
        catch (OutsideHolidayDataException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
