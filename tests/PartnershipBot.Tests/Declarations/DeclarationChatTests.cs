using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Declarations;

/// <summary>
/// Declarations through /api/messages in local mode: the card is posted, bad answers come back as a card
/// saying what to fix, good ones are stored before the receipt, and the quorum check counts withdrawals.
/// </summary>
public sealed class DeclarationChatTests : ChatTest
{
    private const string Board = "Thurrock Community Safety Partnership Strategic Board";
    private const string Item = "Allocate the Safer Communities Fund";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SayInChannelAsync($"link this to {Board}");
        await Connector.WaitForActivitiesAsync(1);
    }

    [Fact]
    public async Task Opening_declarations_posts_a_card_that_the_official_schema_accepts()
    {
        await SayInChannelAsync($"open declarations for \"{Item}\"");

        var card = (await Connector.WaitForActivitiesAsync(2))[1].Attachments!.Single();
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        var json = card.Content!.Value.GetRawText();
        Assert.Contains(Item, json, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"declarations/submit\"", json, StringComparison.Ordinal);
        if (NodeContracts.Installed || Environment.GetEnvironmentVariable("CI") is not null)
        {
            var directory = Directory.CreateTempSubdirectory("pb-cards-").FullName;
            await File.WriteAllTextAsync(Path.Combine(directory, "declaration.json"), json);
            await File.WriteAllTextAsync(Path.Combine(directory, "declaration-fix.json"), DeclarationCards.Ask(Board, Item, "You said you have an interest: please say what it is.", "pecuniary", "").ToJson().ToJsonString());
            var (exitCode, output) = await NodeContracts.ValidateAsync("cards", directory, RepositoryPaths.Combine("tests", "contracts", "adaptive-card-1.5.schema.json"));
            Assert.True(exitCode == 0, output);
        }
    }

    [Fact]
    public async Task The_declarations_command_explains_how_declarations_work_here()
    {
        await SayInChannelAsync("declarations");

        var reply = (await Connector.WaitForActivitiesAsync(2))[1];
        Assert.Contains("\"open declarations for <item>\"", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interest_without_its_nature_gets_a_card_saying_what_to_fix_and_nothing_is_stored()
    {
        var (status, body) = await InvokeAsync(new JsonObject { ["board"] = Board, ["item"] = Item, ["interest"] = "pecuniary", ["nature"] = "" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        Assert.Contains("please say what it is", body.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await Register().ListAsync(Board, Item, CancellationToken.None));
    }

    [Fact]
    public async Task A_declaration_is_stored_before_the_receipt_and_the_quorum_check_counts_the_withdrawal()
    {
        var (status, body) = await InvokeAsync(new JsonObject { ["board"] = Board, ["item"] = Item, ["interest"] = "pecuniary", ["nature"] = "My charity has applied to this fund" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Declaration recorded", body.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        var stored = Assert.Single(await Register().ListAsync(Board, Item, CancellationToken.None));
        Assert.Equal(InterestKind.Pecuniary, stored.Entry.Interest);
        Assert.True((await Register().VerifyAsync(CancellationToken.None)).Intact);

        await SayInChannelAsync($"quorum for {Item} with 14 members");
        var reply = (await Connector.WaitForActivitiesAsync(2))[1];
        Assert.Contains("14 members, quorum 8; 1 withdrawing leaves 13 eligible: quorate.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("50% of membership, plus one", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawals_that_break_the_quorum_get_a_clear_warning()
    {
        for (var i = 0; i < 7; i++)
        {
            await InvokeAsync(new JsonObject { ["board"] = Board, ["item"] = Item, ["interest"] = "non-pecuniary", ["nature"] = "Trustee of an applicant" }, $"member-{i}");
        }

        await SayInChannelAsync($"quorum for {Item} with 14 members");

        var reply = (await Connector.WaitForActivitiesAsync(2))[1];
        Assert.Contains("Warning: 14 members, quorum 8; 7 withdrawing leaves 7 eligible: NOT quorate (1 short).", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_members_are_recorded_someone_else_cannot_declare_and_card_data_cannot_name_another_person()
    {
        var directory = Host.Services.GetRequiredService<PartnershipBot.Features.Boards.IBoardDirectory>();
        await directory.AssignRoleAsync(Board, "member-1", PartnershipBot.Features.Boards.BoardRole.Member, "admin", DateTimeOffset.UtcNow, CancellationToken.None);

        // The card data claims to be member-1, but the authenticated sender is someone else.
        var (_, body) = await InvokeAsync(new JsonObject { ["board"] = Board, ["item"] = Item, ["interest"] = "none", ["personId"] = "member-1" }, "outsider");
        var (_, accepted) = await InvokeAsync(new JsonObject { ["board"] = Board, ["item"] = Item, ["interest"] = "none" }, "member-1");

        Assert.Contains("Only members of the", body.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("Declaration recorded", accepted.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        var stored = Assert.Single(await Register().ListAsync(Board, Item, CancellationToken.None));
        Assert.Equal("member-1", stored.Entry.PersonId);
    }

    private IDeclarationRegister Register() => Host.Services.GetRequiredService<IDeclarationRegister>();

    private async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(JsonObject data, string person = "00000000-0000-0000-0000-000000000a01")
    {
        var activity = Activity("08-invoke-adaptivecard-action-execute.json", a =>
        {
            a["conversation"] = new JsonObject { ["id"] = ChannelConversation, ["conversationType"] = "channel" };
            a["from"]!["aadObjectId"] = person;
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = DeclarationCards.SubmitVerb, ["data"] = data } };
        });
        using var response = await PostAsync(activity);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
