using PartnershipBot.Cli;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Interests;

/// <summary>
/// Issue 20 item 6's export: declarations saved through /api/messages come out of <c>interests export</c> (current
/// versions, or every version with --history) and of <c>declarations export --standing-out</c>, whose per-item CSV keeps
/// its columns exactly; <c>interests verify</c> checks the chain.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class StandingInterestExportTests : StandingInterestTest
{
    private const string StandingHeader = "Member,MemberId,Section,Organisation,Note,Version,UpdatedUtc,UpdatedLocal,RecordedBy,Entry,EntryHash";

    protected override string Provider => "sqlite";

    [Fact]
    public async Task The_standing_register_exports_as_csv_on_its_own_and_beside_the_per_item_register()
    {
        var card = await MyInterestsCardAsync();
        await SaveAsync(card, Sender, new Dictionary<string, string> { ["directorships"] = "Thurrock CVS Ltd: trustee\n=HYPERLINK(\"x\")" });
        await SaveAsync(await MyInterestsCardAsync(), Sender, new Dictionary<string, string> { ["employment"] = "Essex Police" });
        var latest = (await Standing.LatestAsync(Board, Sender, CancellationToken.None))!;
        var folder = Directory.CreateTempSubdirectory("pb-interests-").FullName;
        try
        {
            var current = Path.Combine(folder, "current.csv");
            var history = Path.Combine(folder, "history.csv");
            var perItem = Path.Combine(folder, "declarations.csv");
            var beside = Path.Combine(folder, "standing.csv");

            Assert.Equal(0, (await RunAsync("interests", "export", "--board", "Thurrock", "--out", current)).Exit);
            Assert.Equal(0, (await RunAsync("interests", "export", "--board", "Thurrock", "--history", "--out", history)).Exit);
            Assert.Equal(0, (await RunAsync("declarations", "export", "--board", "Thurrock", "--out", perItem, "--standing-out", beside)).Exit);
            var (verifyExit, verified) = await RunAsync("interests", "verify");

            var rows = await File.ReadAllLinesAsync(current);
            Assert.Equal(StandingHeader, rows[0].TrimStart('\uFEFF'));
            var row = Assert.Single(rows[1..]);
            Assert.StartsWith($"Signed-in", row, StringComparison.Ordinal);
            Assert.Contains($",employment,Essex Police,,2,", row, StringComparison.Ordinal);
            Assert.EndsWith($",{latest.Sequence},{latest.Hash}", row, StringComparison.Ordinal);
            var all = await File.ReadAllLinesAsync(history);
            Assert.Equal(4, all.Length); // header, two organisations of version 1, one of version 2
            Assert.Contains(all, l => l.Contains(",directorships,Thurrock CVS Ltd,trustee,1,", StringComparison.Ordinal));
            // Member-typed text that looks like a formula is escaped, as the per-item export's is.
            Assert.Contains(all, l => l.Contains("'=HYPERLINK", StringComparison.Ordinal));
            Assert.Equal("Entry,DeclaredUtc,DeclaredLocal,Board,Item,PersonId,PersonName,Interest,Nature,Hash", (await File.ReadAllLinesAsync(perItem))[0].TrimStart('\uFEFF'));
            Assert.Equal(await File.ReadAllTextAsync(current), await File.ReadAllTextAsync(beside));
            Assert.Equal(0, verifyExit);
            Assert.Contains("Standing register intact: 2 versions", verified, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        string[] withData = [.. args, "--data", StoreDirectory];
        Assert.True(AdminCommandLine.TryFind(withData, out var command));
        await using var output = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(command, withData, new CommandConsole(new StringReader(string.Empty), output, output));
        return (exit, output.ToString());
    }
}
