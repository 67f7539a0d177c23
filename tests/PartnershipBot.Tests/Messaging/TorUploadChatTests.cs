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
public sealed class TorUploadChatTests : IAsyncLifetime
{
    private static readonly string Harbourside = RepositoryPaths.Combine("tests", "PartnershipBot.Features.Tests", "TermsOfReference", "Fixtures", "harbourside-health-wellbeing-board.md");
    private LoopbackConnector connector = null!;
    private LoopbackServer files = null!;
    private BotHostFactory host = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        connector = await LoopbackConnector.StartAsync();
        files = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/files/harbourside.md", () => Results.File(File.ReadAllBytes(Harbourside), "application/octet-stream"));
            app.MapGet("/files/broken.docx", () => Results.File("this is not a zip"u8.ToArray(), "application/octet-stream"));
            app.MapGet("/files/gone.docx", () => Results.NotFound());
        });
        host = new BotHostFactory(new Dictionary<string, string?>());
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        await files.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task A_sent_ToR_is_stored_as_a_new_version_and_the_bot_says_what_it_read()
    {
        await SendFileAsync("harbourside.md", "/files/harbourside.md");

        var reply = Assert.Single(await connector.WaitForActivitiesAsync(1));
        Assert.Contains("as version 1 of the **Harbourside Health and Wellbeing Board**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- **Chair**: The Board shall be chaired by the Leader of Harbourside Borough Council.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- **Papers**: 5 clear days before the meeting", reply.Text, StringComparison.Ordinal);
        var stored = await host.Services.GetRequiredService<ITermsDocumentStore>().GetLatestAsync("Harbourside Health and Wellbeing Board", CancellationToken.None);
        Assert.Equal(await File.ReadAllBytesAsync(Harbourside), stored!.Content);
        Assert.Contains(await host.Services.GetRequiredService<IBoardDirectory>().AuditAsync(CancellationToken.None), a => a.Action == "terms.version");

        // The new board is answerable at once.
        await SayAsync("who chairs the Harbourside Health and Wellbeing Board?");
        Assert.Contains("Leader of Harbourside Borough Council", (await connector.WaitForActivitiesAsync(2))[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/files/broken.docx", "not a Word document")]
    [InlineData("/files/gone.docx", "couldn't download the file (HTTP 404)")]
    public async Task A_file_that_cannot_be_read_gets_a_clear_message_and_nothing_is_stored(string path, string message)
    {
        var before = (await host.Services.GetRequiredService<ITermsDocumentStore>().ListLatestAsync(CancellationToken.None)).Count;

        await SendFileAsync("board.docx", path);

        var reply = Assert.Single(await connector.WaitForActivitiesAsync(1));
        Assert.Contains(message, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, (await host.Services.GetRequiredService<ITermsDocumentStore>().ListLatestAsync(CancellationToken.None)).Count);
    }

    private Task SendFileAsync(string name, string path) => PostAsync(Fixtures.Activity("01-message-personal.json", connector.ServiceUrl, a =>
    {
        a["text"] = string.Empty;
        a["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["contentUrl"] = new Uri(files.BaseAddress, path).ToString(),
            ["name"] = name,
            ["content"] = new JsonObject { ["downloadUrl"] = new Uri(files.BaseAddress, path).ToString(), ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = Path.GetExtension(name).TrimStart('.') },
        });
    }));

    private Task SayAsync(string text) => PostAsync(Fixtures.Activity("01-message-personal.json", connector.ServiceUrl, a => a["text"] = text));

    private async Task PostAsync(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }
}
