using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>
/// A secretariat sends a ToR file to the bot: Teams' file attachment, downloaded from a loopback server standing
/// in for the file's pre-authorised download URL.
/// </summary>
public sealed class TorUploadChatTests : ChatTest
{
    private static readonly string Harbourside = RepositoryPaths.Combine("tests", "PartnershipBot.Features.Tests", "TermsOfReference", "Fixtures", "harbourside-health-wellbeing-board.md");
    private LoopbackServer files = null!;

    public override async Task InitializeAsync()
    {
        files = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/files/harbourside.md", () => Results.File(File.ReadAllBytes(Harbourside), "application/octet-stream"));
            app.MapGet("/files/broken.docx", () => Results.File("this is not a zip"u8.ToArray(), "application/octet-stream"));
            app.MapGet("/files/gone.docx", () => Results.NotFound());
        });
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await files.DisposeAsync();
    }

    [Fact]
    public async Task A_sent_ToR_is_stored_as_a_new_version_and_the_bot_says_what_it_read()
    {
        await SendFileAsync("harbourside.md", "/files/harbourside.md");

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("as version 1 of the **Harbourside Health and Wellbeing Board**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- **Chair**: The Board shall be chaired by the Leader of Harbourside Borough Council.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- **Papers**: 5 clear days before the meeting", reply.Text, StringComparison.Ordinal);
        var stored = await Host.Services.GetRequiredService<ITermsDocumentStore>().GetLatestAsync("Harbourside Health and Wellbeing Board", CancellationToken.None);
        Assert.Equal(await File.ReadAllBytesAsync(Harbourside), stored!.Content);
        Assert.Contains(await Host.Services.GetRequiredService<IBoardDirectory>().AuditAsync(CancellationToken.None), a => a.Action == "terms.version");

        // The new board is answerable at once.
        await SayAsync("who chairs the Harbourside Health and Wellbeing Board?");
        Assert.Contains("Leader of Harbourside Borough Council", (await Connector.WaitForActivitiesAsync(2))[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/files/broken.docx", "not a Word document")]
    [InlineData("/files/gone.docx", "couldn't download the file (HTTP 404)")]
    public async Task A_file_that_cannot_be_read_gets_a_clear_message_and_nothing_is_stored(string path, string message)
    {
        var before = (await Host.Services.GetRequiredService<ITermsDocumentStore>().ListLatestAsync(CancellationToken.None)).Count;

        await SendFileAsync("board.docx", path);

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains(message, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, (await Host.Services.GetRequiredService<ITermsDocumentStore>().ListLatestAsync(CancellationToken.None)).Count);
    }

    private Task SendFileAsync(string name, string path) => SayInPersonalChatAsync(string.Empty, a =>
    {
        a["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["contentUrl"] = new Uri(files.BaseAddress, path).ToString(),
            ["name"] = name,
            ["content"] = new JsonObject { ["downloadUrl"] = new Uri(files.BaseAddress, path).ToString(), ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = Path.GetExtension(name).TrimStart('.') },
        });
    });

    private Task SayAsync(string text) => SayInPersonalChatAsync(text);
}
