using PartnershipBot.Cli;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Cli;

/// <summary>Help and unknown verbs are answered before any web host is built.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    public async Task Help_lists_every_verb_and_exits_0(string word)
    {
        var (exit, output, _) = await RunAsync([word]);

        Assert.Equal(0, exit);
        foreach (var verb in new[] { "ask", "schedule", "deadline", "quorum", "eval", "declarations", "db" })
        {
            Assert.Contains($"  {verb} ", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("quorum")]
    [InlineData("declarations")]
    [InlineData("ask")]
    public async Task Each_verb_has_help_that_shows_its_usage_and_runs_nothing(string verb)
    {
        var (exit, output, error) = await RunAsync([verb, "--help"]);

        Assert.Equal(0, exit);
        Assert.StartsWith($"Usage: {verb}", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task An_unknown_verb_exits_2_with_the_list()
    {
        var (exit, _, error) = await RunAsync(["frobnicate", "--board", "x"]);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown command \"frobnicate\".", error, StringComparison.Ordinal);
        Assert.Contains("  quorum ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_options_and_no_arguments_are_left_to_the_web_host()
    {
        Assert.Null(await AdminCommandLine.TryRunAsync([]));
        Assert.Null(await AdminCommandLine.TryRunAsync(["--urls", "http://127.0.0.1:0"]));
    }

    private static async Task<(int? Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AdminCommandLine.TryRunAsync(args, new CommandConsole(TextReader.Null, output, error));
        return (exit, output.ToString(), error.ToString());
    }
}
