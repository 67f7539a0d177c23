using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Conversation;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>
/// A secretariat sends a ToR file to the bot: Teams' file attachment, downloaded from a loopback server standing
/// in for the file's pre-authorised download URL. The bot shows what it read and stores only on "Keep this version".
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TorUploadChatTests : ChatTest
{
    private static readonly string Harbourside = RepositoryPaths.Combine("tests", "PartnershipBot.Features.Tests", "TermsOfReference", "Fixtures", "harbourside-health-wellbeing-board.md");
    private const string Uploader = "00000000-0000-0000-0000-000000000a01";
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("pb-upload-").FullName;
    private LoopbackServer files = null!;

    // One data directory the test controls, so a second host can start over it (the restart test).
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory };

    private static JsonObject Personal => new() { ["id"] = "a:1fake-personal-conversation-0001", ["conversationType"] = "personal" };

    public override async Task InitializeAsync()
    {
        files = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/files/harbourside.md", () => Results.File(File.ReadAllBytes(Harbourside), "application/octet-stream"));
            app.MapGet("/files/broken.docx", () => Results.File("this is not a zip"u8.ToArray(), "application/octet-stream"));
            app.MapGet("/files/gone.docx", () => Results.NotFound());
            app.MapGet("/files/shopping.txt", () => Results.File("Eggs, milk, bread and a birthday card for Sam."u8.ToArray(), "text/plain"));
        });
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await files.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_sent_ToR_is_shown_for_review_and_stored_only_when_the_uploader_keeps_it()
    {
        await SendFileAsync("harbourside.md", "/files/harbourside.md");

        var review = ReviewCard(Assert.Single(await Connector.WaitForActivitiesAsync(1)));
        var text = review.GetRawText();
        Assert.Contains("Is this the Harbourside Health and Wellbeing Board?", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Chair\",\"value\":\"The Board shall be chaired by the Leader of Harbourside Borough Council.\"", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Papers\",\"value\":\"5 clear days before the meeting", text, StringComparison.Ordinal);
        Assert.Equal([TorUploadCards.KeepVerb, TorUploadCards.DiscardVerb], review.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("verb").GetString()));
        Assert.Null(await Latest());

        var (_, kept) = await PressAsync(TorUploadCards.KeepVerb, UploadData(review), Uploader, Personal);

        Assert.Contains("Stored as version 1 of the Harbourside Health and Wellbeing Board", kept.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(Harbourside), (await Latest())!.Content);
        var audit = Assert.Single(await Host.Services.GetRequiredService<IBoardDirectory>().AuditAsync(CancellationToken.None), a => a.Action.Name == "terms.version");
        Assert.Equal(Uploader, audit.Actor);

        // The new board is answerable at once, and the card can't be used twice.
        await SayAsync("who chairs the Harbourside Health and Wellbeing Board?");
        Assert.Contains("Leader of Harbourside Borough Council", (await Connector.WaitForActivitiesAsync(2))[1].Text, StringComparison.Ordinal);
        var (_, again) = await PressAsync(TorUploadCards.KeepVerb, UploadData(review), Uploader, Personal);
        Assert.Contains("This upload is no longer waiting", again.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Single(await History());
    }

    [Fact]
    public async Task Discarding_stores_nothing()
    {
        await SendFileAsync("harbourside.md", "/files/harbourside.md");
        var review = ReviewCard(Assert.Single(await Connector.WaitForActivitiesAsync(1)));

        var (_, discarded) = await PressAsync(TorUploadCards.DiscardVerb, UploadData(review), Uploader, Personal);

        Assert.Contains("Harbourside Health and Wellbeing Board keeps its current Terms of Reference", discarded.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Null(await Latest());
        Assert.Null(await Host.Services.GetRequiredService<IPendingUploadStore>().FindAsync(UploadData(review)["upload"]!.GetValue<string>(), CancellationToken.None));
        Assert.DoesNotContain(await Host.Services.GetRequiredService<IBoardDirectory>().AuditAsync(CancellationToken.None), a => a.Action.Name == "terms.version");
    }

    [Fact]
    public async Task Only_the_uploader_can_keep_or_discard_the_upload()
    {
        await SendFileAsync("harbourside.md", "/files/harbourside.md");
        var review = ReviewCard(Assert.Single(await Connector.WaitForActivitiesAsync(1)));

        var (_, keep) = await PressAsync(TorUploadCards.KeepVerb, UploadData(review), "someone-else", Personal);
        var (_, discard) = await PressAsync(TorUploadCards.DiscardVerb, UploadData(review), "someone-else", Personal);

        Assert.Contains("Only the person who sent this file can keep or discard it", keep.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Only the person who sent this file", discard.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Null(await Latest());
        var (_, kept) = await PressAsync(TorUploadCards.KeepVerb, UploadData(review), Uploader, Personal);
        Assert.Contains("Stored as version 1", kept.GetProperty("value").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_waiting_for_review_survives_a_restart_and_keeping_it_keeps_the_previous_version()
    {
        await SendFileAsync("harbourside.md", "/files/harbourside.md");
        var first = ReviewCard(Assert.Single(await Connector.WaitForActivitiesAsync(1)));
        await PressAsync(TorUploadCards.KeepVerb, UploadData(first), Uploader, Personal);
        await SendFileAsync("harbourside-v2.md", "/files/harbourside.md");
        var second = ReviewCard((await Connector.WaitForActivitiesAsync(2))[1]);
        Assert.Contains("keep it as version 2 (the earlier versions are kept)", second.GetRawText(), StringComparison.Ordinal);

        // A new host over the same data directory, as after a deployment or crash.
        Client.Dispose();
        await Host.DisposeAsync();
        await using var restarted = new BotHostFactory(Settings);
        using var client = restarted.CreateClient();
        var (_, kept) = await PressAsync(TorUploadCards.KeepVerb, UploadData(second), Uploader, Personal, client: client);

        Assert.Contains("Stored as version 2 of the Harbourside Health and Wellbeing Board", kept.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        var history = await restarted.Services.GetRequiredService<ITermsDocumentStore>().GetHistoryAsync("Harbourside Health and Wellbeing Board", CancellationToken.None);
        Assert.Equal([("harbourside.md", 1), ("harbourside-v2.md", 2)], history.Select(h => (h.FileName, h.Version)));
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task The_upload_cards_pass_the_official_schema_and_renderer()
    {
        await SendFileAsync("harbourside.md", "/files/harbourside.md");
        var review = ReviewCard(Assert.Single(await Connector.WaitForActivitiesAsync(1)));
        var (_, notYours) = await PressAsync(TorUploadCards.KeepVerb, UploadData(review), "someone-else", Personal);
        var (_, kept) = await PressAsync(TorUploadCards.KeepVerb, UploadData(review), Uploader, Personal);
        var (_, gone) = await PressAsync(TorUploadCards.DiscardVerb, UploadData(review), Uploader, Personal);

        await CardContracts.AssertValidAsync(
            ("tor-review", JsonNode.Parse(review.GetRawText())!),
            ("tor-not-yours", JsonNode.Parse(notYours.GetProperty("value").GetRawText())!),
            ("tor-kept", JsonNode.Parse(kept.GetProperty("value").GetRawText())!),
            ("tor-gone", JsonNode.Parse(gone.GetProperty("value").GetRawText())!),
            ("tor-discarded", TorUploadCards.Discarded(new PendingUpload("u", "board.docx", null, "Harbourside Health and Wellbeing Board", [], Uploader, DateTimeOffset.UtcNow)).ToJson()));
    }

    [Theory]
    [InlineData("board.docx", "/files/broken.docx", "not a Word document")]
    [InlineData("board.docx", "/files/gone.docx", "I couldn't download the file from Teams. Please send it again.")]
    [InlineData("shopping.txt", "/files/shopping.txt", "doesn't read like Terms of Reference")]
    public async Task A_file_that_cannot_be_read_gets_a_clear_message_and_nothing_is_stored(string name, string path, string message)
    {
        var before = (await Host.Services.GetRequiredService<ITermsDocumentStore>().ListLatestAsync(CancellationToken.None)).Count;

        await SendFileAsync(name, path);

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

    private Task<TermsDocumentVersion?> Latest() =>
        Host.Services.GetRequiredService<ITermsDocumentStore>().GetLatestAsync("Harbourside Health and Wellbeing Board", CancellationToken.None);

    private Task<IReadOnlyList<TermsDocumentVersion>> History() =>
        Host.Services.GetRequiredService<ITermsDocumentStore>().GetHistoryAsync("Harbourside Health and Wellbeing Board", CancellationToken.None);

    private static JsonElement ReviewCard(Activity reply)
    {
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        return attachment.Content!.Value;
    }

    /// <summary>The data a button of the review card sends (both carry the same upload id).</summary>
    private static JsonObject UploadData(JsonElement review) =>
        JsonNode.Parse(review.GetProperty("actions")[0].GetProperty("data").GetRawText())!.AsObject();
}
