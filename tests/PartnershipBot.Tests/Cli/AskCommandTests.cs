using System.Text.Json;
using PartnershipBot.Cli;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Cli;

/// <summary>The <c>ask</c> contract that scripts and the evaluation rely on, run in-process.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class AskCommandTests : IDisposable
{
    private static readonly string Thurrock = RepositoryPaths.Combine("samples", "tor", "002_0670f6a07b026fcd.txt");
    private static readonly string Gloucester = RepositoryPaths.Combine("samples", "tor", "003_3d3fcb1119e0e830.txt");
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("pb-cli-").FullName;

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    [Fact]
    public async Task Json_output_is_one_object_with_exactly_the_contract_fields()
    {
        var (exit, output, _) = await RunAsync(["ask", "--tor", Thurrock, "--json", "who chairs thurrock csp board?"]);

        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(["question", "answered", "answer", "board", "citations"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("who chairs thurrock csp board?", root.GetProperty("question").GetString());
        Assert.True(root.GetProperty("answered").GetBoolean());
        Assert.Contains("Police Superintendent", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("Thurrock Community Safety Partnership Strategic Board", root.GetProperty("board").GetString());
        var citation = Assert.Single(root.GetProperty("citations").EnumerateArray());
        Assert.Equal(["section", "text"], citation.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Without_a_question_it_answers_each_stdin_line_in_order()
    {
        var (exit, output, _) = await RunAsync(["ask", "--tor", Thurrock, "--tor", Gloucester, "--json"], "who chairs the stronger communities PAG?\n\nwhat is the quorum for the thurrock board?\n");

        Assert.Equal(0, exit);
        var answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Contains("GL Communities", answers[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains("50%", answers[1].GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answered_is_false_exactly_when_the_ToR_does_not_settle_it()
    {
        var (_, output, _) = await RunAsync(["ask", "--tor", Thurrock, "--json", "who provides the secretariat?"]);

        var root = JsonDocument.Parse(output).RootElement;
        Assert.False(root.GetProperty("answered").GetBoolean());
        Assert.Contains("don't settle", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error_with_exit_code_2()
    {
        var (exit, _, error) = await RunAsync(["ask", "--tor", "no-such-tor.txt", "who chairs?"]);

        Assert.Equal(2, exit);
        Assert.Contains("ToR file not found: no-such-tor.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingested_versions_are_kept_and_ask_board_uses_the_newest()
    {
        var edited = Path.Combine(dataDirectory, "thurrock-2025.txt");
        await File.WriteAllTextAsync(edited, (await File.ReadAllTextAsync(Thurrock)).Replace("Police Superintendent", "Chief Inspector", StringComparison.Ordinal));

        var first = await RunAsync(["ingest", Thurrock, "--data", dataDirectory]);
        var second = await RunAsync(["ingest", edited, "--board", "Thurrock Community Safety Partnership Strategic Board", "--data", dataDirectory]);
        var (exit, output, _) = await RunAsync(["ask", "--board", "thurrock community safety partnership strategic board", "--data", dataDirectory, "who is the chair?"]);

        Assert.Contains("as version 1 of \"Thurrock Community Safety Partnership Strategic Board\"", first.Output, StringComparison.Ordinal);
        Assert.Contains("as version 2", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains("Chief Inspector", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_board_takes_a_unique_prefix_as_chat_and_the_other_verbs_do()
    {
        await RunAsync(["ingest", Thurrock, "--data", dataDirectory]);

        var (exit, output, _) = await RunAsync(["ask", "--board", "Thurrock", "--data", dataDirectory, "--json", "who is the chair?"]);

        Assert.Equal(0, exit);
        Assert.Contains("\"board\":\"Thurrock Community Safety Partnership Strategic Board\"", output, StringComparison.Ordinal);
        Assert.Contains("\"answered\":true", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_board_names_the_stored_boards_when_the_board_is_unknown()
    {
        await RunAsync(["ingest", Gloucester, "--data", dataDirectory]);

        var (exit, _, error) = await RunAsync(["ask", "--board", "Nowhere Board", "--data", dataDirectory, "who chairs?"]);

        Assert.Equal(2, exit);
        Assert.Contains("\"Gloucester Stronger Communities PAG\"", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, string input = "")
    {
        Assert.True(AdminCommandLine.TryFind(args, out var command));
        using var stdin = new StringReader(input);
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(command, args, new CommandConsole(stdin, stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
