using System.Text.Json;
using PartnershipBot.Cli;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Cli;

/// <summary>The quorum, deadline and schedule verbs' output contracts, run in-process.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class ContractVerbTests
{
    [Fact]
    public async Task Quorum_json_gives_needed_eligible_and_quorate()
    {
        var (exit, output, _) = await RunAsync(["quorum", "--rule", "Quorum for decision making will be set at 50% of membership, plus one", "--members", "14", "--withdrawn", "7", "--json"]);

        Assert.Equal(0, exit);
        Assert.Equal("{\"needed\":8,\"eligible\":7,\"quorate\":false}", output.Trim());
    }

    [Fact]
    public async Task Quorum_without_a_rule_in_the_text_says_so()
    {
        var (exit, _, error) = await RunAsync(["quorum", "--rule", "The chair will be elected.", "--members", "10"]);

        Assert.Equal(1, exit);
        Assert.Contains("No quorum rule found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_json_gives_date_kind_and_typed_rule()
    {
        var (exit, output, _) = await RunAsync(["deadline", "--meeting", "2026-04-07", "--rule", "Papers will be sent out at least three working days before a meeting", "--json"]);

        Assert.Equal(0, exit);
        Assert.Equal("{\"date\":\"2026-03-31\",\"kind\":\"papers\",\"rule\":\"3 working days before the meeting\"}", output.Trim());
    }

    [Fact]
    public async Task Deadline_rejects_a_bad_date_and_an_unknown_nation_as_usage_errors()
    {
        Assert.Equal(2, (await RunAsync(["deadline", "--meeting", "07/04/2026", "--rule", "3 working days before"])).Exit);
        Assert.Equal(2, (await RunAsync(["deadline", "--meeting", "2026-04-07", "--rule", "3 working days before", "--nation", "wessex"])).Exit);
    }

    [Fact]
    public async Task Schedule_json_gives_start_end_with_offsets_and_the_cadence_clause()
    {
        var (exit, output, _) = await RunAsync(["schedule", "--tor", RepositoryPaths.Combine("samples", "tor", "002_0670f6a07b026fcd.txt"), "--from", "2027-05-01", "--count", "2", "--json"]);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("2027-06-08T10:00:00+01:00", lines[0].GetProperty("start").GetString());
        Assert.Equal("2027-06-08T12:00:00+01:00", lines[0].GetProperty("end").GetString());
        Assert.Equal("The Board will meet 4 times a year (June, September, December, March).", lines[0].GetProperty("reason").GetString());
        Assert.Equal("2027-09-14T10:00:00+01:00", lines[1].GetProperty("start").GetString());
    }

    [Fact]
    public async Task Schedule_says_why_when_the_group_decides_its_own_frequency()
    {
        var (exit, output, error) = await RunAsync(["schedule", "--tor", RepositoryPaths.Combine("samples", "tor", "003_3d3fcb1119e0e830.txt"), "--from", "2027-05-01", "--count", "2"]);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("decide the nature and frequency", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        Assert.True(AdminCommandLine.TryFind(args, out var command));
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(command, args, new CommandConsole(new StringReader(string.Empty), stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
