using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>quorum --rule "TEXT" --members N [--withdrawn K] [--json]</c>: applies a ToR quorum clause to a
/// membership count, after K members withdraw (e.g. for a declared conflict of interest). Keep this contract.
/// </summary>
public sealed class QuorumCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "quorum";

    /// <inheritdoc />
    public string Summary => "quorum --rule \"TEXT\" --members N [--withdrawn K] [--json]: is the meeting quorate under the ToR rule?";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args, "json");
        var text = options.Require("rule");
        var members = CliValues.Count(options.Require("members"), "--members", minimum: 1);
        var withdrawn = CliValues.Count(options.Get("withdrawn") ?? "0", "--withdrawn", minimum: 0);
        if (withdrawn > members)
        {
            throw new CommandLineException($"--withdrawn ({withdrawn}) cannot be more than --members ({members}).");
        }

        var rule = QuorumRule.Parse(text);
        if (rule is null)
        {
            await console.Error.WriteLineAsync($"No quorum rule found in: \"{text}\". Expected wording such as \"50% of membership, plus one\", \"one third of members\" or \"four members\".");
            return 1;
        }

        var result = new QuorumResult(rule.Needed(members), members - withdrawn, members - withdrawn >= rule.Needed(members));
        await console.Out.WriteLineAsync(options.Has("json")
            ? JsonSerializer.Serialize(result, VerbJsonContext.Relaxed.QuorumResult)
            : string.Create(CultureInfo.InvariantCulture,
                $"{members} members, quorum {result.Needed}; {withdrawn} withdrawing leaves {result.Eligible} eligible: {(result.Quorate ? "quorate" : $"NOT quorate ({result.Needed - result.Eligible} short)")}."));
        return 0;
    }
}

/// <summary>The <c>quorum --json</c> shape.</summary>
/// <param name="Needed">Members needed for a quorum.</param>
/// <param name="Eligible">Members left after withdrawals.</param>
/// <param name="Quorate">True when eligible meets needed.</param>
public sealed record QuorumResult(int Needed, int Eligible, bool Quorate);

/// <summary>The <c>deadline --json</c> shape.</summary>
/// <param name="Date">The deadline, YYYY-MM-DD.</param>
/// <param name="Kind">papers, agenda, minutes or other.</param>
/// <param name="Rule">The typed duration, e.g. "3 working days before the meeting".</param>
public sealed record DeadlineResult(string Date, string Kind, string Rule);

/// <summary>JSON for the admin verbs' contract outputs (camelCase, one object per line).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(QuorumResult))]
[JsonSerializable(typeof(DeadlineResult))]
[JsonSerializable(typeof(ScheduleResult))]
internal sealed partial class VerbJsonContext : JsonSerializerContext
{
    /// <summary>Output for terminals and scripts, not HTML: "+01:00" and “quotes” stay readable.</summary>
    public static VerbJsonContext Relaxed { get; } = new(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
