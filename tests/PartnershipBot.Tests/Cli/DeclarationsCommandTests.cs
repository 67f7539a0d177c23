using System.Text;
using PartnershipBot.Cli;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Cli;

/// <summary>The register's export (CSV for Excel) and verify verbs against a real SQLite file.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class DeclarationsCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pb-decl-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Export_writes_utf8_with_bom_documented_columns_and_escapes_formulas()
    {
        var register = new DeclarationRegister(new SqliteDatabase(Path.Combine(directory, "partnershipbot.db")));
        await register.AppendAsync(new DeclarationEntry("Westmarsh Board", "Allocate the fund", "p1", "Zoë Évans", InterestKind.Pecuniary, "=HYPERLINK(\"x\")", new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero)), CancellationToken.None);
        var output = Path.Combine(directory, "register.csv");

        var (exit, _) = await RunAsync(["declarations", "export", "--board", "westmarsh board", "--out", output, "--data", directory]);

        Assert.Equal(0, exit);
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Entry,DeclaredUtc,DeclaredLocal,Board,Item,PersonId,PersonName,Interest,Nature,Hash", lines[0].TrimEnd('\r'));
        Assert.StartsWith("1,2026-07-01 09:30:00,2026-07-01 10:30:00,Westmarsh Board,Allocate the fund,p1,Zoë Évans,pecuniary,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_resolves_a_unique_prefix_of_a_stored_board_and_refuses_an_unknown_one_listing_the_boards()
    {
        const string Thurrock = "Thurrock Community Safety Partnership Strategic Board";
        var register = new DeclarationRegister(new SqliteDatabase(Path.Combine(directory, "partnershipbot.db")));
        await register.AppendAsync(new DeclarationEntry(Thurrock, "Allocate the fund", "p1", "Pat", InterestKind.None, null, DateTimeOffset.UnixEpoch), CancellationToken.None);
        var output = Path.Combine(directory, "thurrock.csv");

        var (exit, said) = await RunAsync(["declarations", "export", "--board", "Thurrock", "--out", output, "--data", directory]);
        var (unknownExit, unknown) = await RunAsync(["declarations", "export", "--board", "Atlantis", "--out", output, "--data", directory]);

        Assert.Equal(0, exit);
        Assert.Contains($"Exported 1 declarations for \"{Thurrock}\"", said, StringComparison.Ordinal);
        Assert.Equal(2, unknownExit);
        Assert.Contains("No board called \"Atlantis\"", unknown, StringComparison.Ordinal);
        Assert.Contains(Thurrock, unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_dates_are_UK_dates_so_a_declaration_just_after_midnight_BST_is_on_its_day()
    {
        var register = new DeclarationRegister(new SqliteDatabase(Path.Combine(directory, "partnershipbot.db")));
        // 00:30 BST on 1 June 2026 is 23:30 UTC on 31 May.
        await register.AppendAsync(new DeclarationEntry("Westmarsh Board", "Allocate the fund", "p1", "Pat", InterestKind.None, null, new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero)), CancellationToken.None);
        var june = Path.Combine(directory, "june.csv");
        var may = Path.Combine(directory, "may.csv");

        var (_, inJune) = await RunAsync(["declarations", "export", "--board", "Westmarsh Board", "--from", "2026-06-01", "--out", june, "--data", directory]);
        var (_, inMay) = await RunAsync(["declarations", "export", "--board", "Westmarsh Board", "--to", "2026-05-31", "--out", may, "--data", directory]);

        Assert.Contains("Exported 1 declarations", inJune, StringComparison.Ordinal);
        Assert.Contains("Exported 0 declarations", inMay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_an_intact_register()
    {
        var register = new DeclarationRegister(new SqliteDatabase(Path.Combine(directory, "partnershipbot.db")));
        await register.AppendAsync(new DeclarationEntry("B", "Item", "p1", null, InterestKind.None, null, DateTimeOffset.UnixEpoch), CancellationToken.None);

        var (exit, output) = await RunAsync(["declarations", "verify", "--data", directory]);

        Assert.Equal(0, exit);
        Assert.Contains("Register intact: 1 entries", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_entries_deleted_from_the_end_with_their_checkpoints_and_exits_1()
    {
        var database = new SqliteDatabase(Path.Combine(directory, "partnershipbot.db"));
        var register = new DeclarationRegister(database);
        for (var i = 0; i < 3; i++)
        {
            await register.AppendAsync(new DeclarationEntry("B", "Item", $"p{i}", null, InterestKind.None, null, DateTimeOffset.UnixEpoch.AddMinutes(i)), CancellationToken.None);
        }

        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                DROP TRIGGER declarations_no_delete; DROP TRIGGER register_checkpoints_no_delete;
                DELETE FROM declarations WHERE sequence = 3; DELETE FROM register_checkpoints WHERE chain = 'declarations' AND entries = 3;
                """;
            await command.ExecuteNonQueryAsync();
        }

        var (exit, output) = await RunAsync(["declarations", "verify", "--data", directory]);

        Assert.Equal(1, exit);
        Assert.Contains("Register BROKEN (2 entries and 0 audit entries checked):", output, StringComparison.Ordinal);
        Assert.Contains("- declarations register truncated: the head file (register-head.json)", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        Assert.True(AdminCommandLine.TryFind(args, out var command));
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(command, args, new CommandConsole(new StringReader(string.Empty), stdout, stderr));
        return (exit, stdout + stderr.ToString());
    }
}
