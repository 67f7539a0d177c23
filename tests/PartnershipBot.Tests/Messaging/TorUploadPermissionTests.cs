using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>ToR uploads with channel auth on: someone who is not an admin or the board's secretariat gets no review card.</summary>
public sealed class TorUploadPermissionTests : AuthenticatedChatTest
{
    private static readonly string Harbourside = RepositoryPaths.Combine("tests", "PartnershipBot.Features.Tests", "TermsOfReference", "Fixtures", "harbourside-health-wellbeing-board.md");
    private LoopbackServer files = null!;

    public override async Task InitializeAsync()
    {
        files = await LoopbackServer.StartAsync(app => app.MapGet("/files/harbourside.md", () => Results.File(File.ReadAllBytes(Harbourside), "application/octet-stream")));
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await files.DisposeAsync();
    }

    [Fact]
    public async Task Someone_who_is_not_admin_or_secretariat_is_refused_and_nothing_waits_for_review()
    {
        using var response = await PostAsync(Activity("01-message-personal.json", a =>
        {
            a["text"] = string.Empty;
            a["from"]!["aadObjectId"] = "00000000-0000-0000-0000-000000000b02"; // not the configured admin
            a["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["name"] = "harbourside.md",
                ["content"] = new JsonObject { ["downloadUrl"] = new Uri(files.BaseAddress, "/files/harbourside.md").ToString(), ["fileType"] = "md" },
            });
        }), Token());
        response.EnsureSuccessStatusCode();

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("Only an admin or the secretariat of the Harbourside Health and Wellbeing Board", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Attachments);
        Assert.Equal(0, await Host.Services.GetRequiredService<IPendingUploadStore>().DeleteOlderThanAsync(DateTimeOffset.MaxValue, CancellationToken.None));
    }
}
