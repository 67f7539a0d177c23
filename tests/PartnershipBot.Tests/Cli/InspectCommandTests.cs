using PartnershipBot.Cli;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Cli;

/// <summary><c>inspect</c> and chat agree about the chair and vice-chair (issue 17: inspect said "stated" while chat declined).</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class InspectCommandTests
{
    private static readonly string Gloucester = RepositoryPaths.Combine("samples", "tor", "003_3d3fcb1119e0e830.txt");
    private static readonly string Thurrock = RepositoryPaths.Combine("samples", "tor", "002_0670f6a07b026fcd.txt");

    [Theory]
    [InlineData("who is the chair?")]
    [InlineData("who is the vice-chair?")]
    public async Task The_holder_lines_say_what_chat_answers(string question)
    {
        foreach (var file in new[] { Gloucester, Thurrock })
        {
            var inspected = await RunAsync(["inspect", file]);
            var asked = await RunAsync(["ask", "--tor", file, "--json", question]);

            var line = inspected.Split('\n').Single(l => l.Contains($"\"{question}\" in chat:", StringComparison.Ordinal));
            var answered = asked.Contains("\"answered\":true", StringComparison.Ordinal);
            Assert.Equal(answered, line.Contains("answered from", StringComparison.Ordinal));
        }
    }

    private static async Task<string> RunAsync(string[] args)
    {
        Assert.True(AdminCommandLine.TryFind(args, out var command));
        await using var stdout = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(command, args, new CommandConsole(TextReader.Null, stdout, stdout));
        Assert.Equal(0, exit);
        return stdout.ToString();
    }
}
