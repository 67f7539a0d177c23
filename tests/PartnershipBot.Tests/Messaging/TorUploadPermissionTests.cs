using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Infrastructure.Documents;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>
/// ToR uploads with channel auth on: someone who is not an admin or a board's secretariat gets no review card and
/// the bot never fetches their file; a docx bomb from an admin is refused quickly with a clear message.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TorUploadPermissionTests : AuthenticatedChatTest
{
    private const string NoRole = "00000000-0000-0000-0000-000000000b02";
    private static readonly string Harbourside = RepositoryPaths.Combine("tests", "PartnershipBot.Features.Tests", "TermsOfReference", "Fixtures", "harbourside-health-wellbeing-board.md");
    private static readonly Lazy<byte[]> Bomb = new(() => DocxBombs.Build(200L * 1024 * 1024));
    private LoopbackServer files = null!;
    private int fetched;

    public override async Task InitializeAsync()
    {
        files = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/files/harbourside.md", () =>
            {
                Interlocked.Increment(ref fetched);
                return Results.File(File.ReadAllBytes(Harbourside), "application/octet-stream");
            });
            app.MapGet("/files/bomb.docx", () =>
            {
                Interlocked.Increment(ref fetched);
                return Results.File(Bomb.Value, "application/octet-stream");
            });
        });
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await files.DisposeAsync();
    }

    [Fact]
    public async Task Someone_who_is_not_admin_or_secretariat_is_refused_before_the_file_is_fetched()
    {
        await SendFileAsync(NoRole, "harbourside.md", "/files/harbourside.md", text: string.Empty);

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("Only an admin or a board's secretariat can add a new version", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Attachments);
        Assert.Equal(0, fetched);
        Assert.Equal(0, await Host.Services.GetRequiredService<IPendingUploadStore>().DeleteOlderThanAsync(DateTimeOffset.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task Naming_a_board_one_does_not_run_is_refused_before_the_file_is_fetched()
    {
        await SendFileAsync(NoRole, "bomb.docx", "/files/bomb.docx", text: "for the Harbourside Health and Wellbeing Board");

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("Only an admin or the secretariat of the Harbourside Health and Wellbeing Board", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, fetched);
    }

    [Fact]
    public async Task A_docx_bomb_from_an_admin_is_refused_quickly_with_a_clear_message_and_nothing_waits()
    {
        Assert.True(Bomb.Value.Length < 1024 * 1024);
        var clock = Stopwatch.StartNew();

        await SendFileAsync(Admin, "bomb.docx", "/files/bomb.docx", text: string.Empty);

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        clock.Stop();
        Assert.Contains(DocxPackageGuard.TooLargeMessage, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored.", reply.Text, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(1, fetched);
        Assert.Equal(0, await Host.Services.GetRequiredService<IPendingUploadStore>().DeleteOlderThanAsync(DateTimeOffset.MaxValue, CancellationToken.None));
    }

    private async Task SendFileAsync(string sender, string name, string path, string text)
    {
        using var response = await PostAsync(Activity("01-message-personal.json", a =>
        {
            a["text"] = text;
            a["from"]!["aadObjectId"] = sender;
            a["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["name"] = name,
                ["content"] = new JsonObject { ["downloadUrl"] = new Uri(files.BaseAddress, path).ToString(), ["fileType"] = Path.GetExtension(name).TrimStart('.') },
            });
        }), Token());
        response.EnsureSuccessStatusCode();
    }
}
