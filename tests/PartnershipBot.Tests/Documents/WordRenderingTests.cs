using System.Globalization;
using PartnershipBot.Cli;
using PartnershipBot.Tests.Declarations;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Documents;

/// <summary>
/// Issue 20's rendering proof: the agenda pack and the draft minutes, written by the contract verbs from a meeting set
/// up in chat, open in LibreOffice headless (converted to PDF), their first page renders to a PNG with ink on it, and
/// the PDF's text holds the board, the title and every business item. The PNGs are kept in tests/e2e/artifacts/rendering
/// (git-ignored) for a person to look at.
/// </summary>
[Trait(TestTier.Category, TestTier.ChildProcess)]
public sealed class WordRenderingTests : DeclarationTest
{
    private static readonly string[] Business = ["Community Safety Strategy refresh", "Hate crime update"];

    [OfficeFact]
    public async Task The_agenda_pack_and_draft_minutes_render_in_LibreOffice_with_their_title_and_items()
    {
        Assert.True(OfficeRendering.Missing.Count == 0, $"Not installed: {string.Join(", ", OfficeRendering.Missing)} (apt-get install libreoffice-writer-nogui poppler-utils; .ci/run's install_office does).");
        await AddMembersAsync(3);
        await SayAsync($"add '{Business[0]}' to the agenda for the 12 March meeting, paper from Jane Smith");
        await SayAsync($"add '{Business[1]}' to the agenda for the 12 March meeting, paper from Ben Okoro");
        await SayAsync($"add '{Item}' to the agenda for the 12 March meeting as a financial decision");
        await SayAsync("action for Jane Smith: circulate the revised strategy by 15 January");
        var work = Path.Combine(Host.DataDirectory, "rendering");
        Directory.CreateDirectory(work);

        foreach (var (verb, title) in new[] { ("pack", "Agenda"), ("minutes", "Minutes (draft)") })
        {
            var docx = Path.Combine(work, $"{verb}.docx");
            Assert.Equal(0, await RunAsync(verb, "--board", "Thurrock", "--meeting", "2027-03-12", "--out", docx));

            // A profile of its own, so a LibreOffice already running on the machine (or a parallel test) is not reused.
            var profile = new Uri(Path.Combine(work, $"lo-profile-{verb}")).AbsoluteUri;
            await OfficeRendering.RunAsync("soffice", $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, docx);
            var pdf = Path.Combine(work, $"{verb}.pdf");
            Assert.True(File.Exists(pdf), $"soffice wrote no {pdf}");

            var info = await OfficeRendering.RunAsync("pdfinfo", pdf);
            var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
            Assert.True(pages >= 1, $"{verb}.pdf has no pages");

            await OfficeRendering.RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(work, verb));
            var png = Path.Combine(work, $"{verb}.png");
            var ink = OfficeRendering.NonWhitePixels(png);
            Assert.True(ink > 500, $"{verb}.png looks blank ({ink} non-white pixels)");
            KeepForLooking(png);

            var text = Flatten(await OfficeRendering.RunAsync("pdftotext", "-layout", pdf, "-"));
            Assert.Contains(Flatten(Board), text, StringComparison.Ordinal);
            Assert.Contains(title, text, StringComparison.Ordinal);
            Assert.Contains("12 March 2027", text, StringComparison.Ordinal);
            Assert.All(Business.Append(Item), item => Assert.Contains(item, text, StringComparison.Ordinal));
        }
    }

    /// <summary>Whitespace (line wraps, layout spacing) as single spaces, so a title wrapped across lines still matches.</summary>
    private static string Flatten(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));

    private static void KeepForLooking(string png)
    {
        var kept = RepositoryPaths.Combine("tests", "e2e", "artifacts", "rendering");
        Directory.CreateDirectory(kept);
        File.Copy(png, Path.Combine(kept, Path.GetFileName(png)), overwrite: true);
    }

    private async Task SayAsync(string text)
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync(text);
        await Connector.WaitForActivitiesAsync(before + 1);
    }

    private async Task<int> RunAsync(params string[] args)
    {
        string[] withData = [.. args, "--data", Host.DataDirectory];
        Assert.True(AdminCommandLine.TryFind(withData, out var command));
        await using var output = new StringWriter();
        return await AdminCommandLine.RunAsync(command, withData, new CommandConsole(new StringReader(string.Empty), output, output));
    }
}
