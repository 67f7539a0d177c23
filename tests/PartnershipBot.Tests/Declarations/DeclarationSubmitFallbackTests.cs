using System.Text.Json;
using System.Text.Json.Nodes;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Declarations;

/// <summary>
/// A Teams host without Universal Actions presses the card's Action.Submit fallback: the declaration arrives as a
/// message carrying the card data, is stored for the authenticated sender, and the pressed card is updated in place
/// (or a reply says what to fix), since a Submit gets no answer in the HTTP response.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class DeclarationSubmitFallbackTests : DeclarationTest
{
    private const string PressedCardId = "1700000000099";

    [Fact]
    public async Task The_submit_fallback_stores_the_declaration_and_updates_the_pressed_card()
    {
        await AddMembersAsync(3);
        var fallback = await SubmitFallbackOfTheSharedCardAsync();

        await SubmitAsync(fallback, "member-2", interest: "pecuniary", nature: "My charity has applied to this fund");

        var stored = Assert.Single(await Register.ListAsync(Board, Item, CancellationToken.None));
        Assert.Equal(("member-2", InterestKind.Pecuniary), (stored.Entry.PersonId, stored.Entry.Interest));
        var update = Assert.Single(Connector.Calls, c => c.Method == "PUT");
        Assert.EndsWith($"/activities/{PressedCardId}", update.Path, StringComparison.Ordinal);
        Assert.Contains("Declaration recorded", CardText(JsonDocument.Parse(update.Body).RootElement), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_with_something_to_fix_updates_the_card_to_say_so_and_stores_nothing()
    {
        await AddMembersAsync(3);
        var fallback = await SubmitFallbackOfTheSharedCardAsync();

        await SubmitAsync(fallback, "member-2", interest: "pecuniary", nature: "");

        Assert.Empty(await Register.ListAsync(Board, Item, CancellationToken.None));
        var update = Assert.Single(Connector.Calls, c => c.Method == "PUT");
        Assert.Contains("please say what it is", CardText(JsonDocument.Parse(update.Body).RootElement), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<JsonObject> SubmitFallbackOfTheSharedCardAsync()
    {
        await SayInChannelAsync($"open declarations for \"{Item}\"");
        var card = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);
        var submit = card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == DeclarationCards.SubmitVerb)!;
        var fallback = submit["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        return fallback;
    }

    // As Teams sends an Action.Submit: a message with no text, the action's data and the inputs as its value.
    private async Task SubmitAsync(JsonObject fallback, string person, string interest, string nature)
    {
        var value = (JsonObject)fallback["data"]!.DeepClone();
        value["interest"] = interest;
        value["nature"] = nature;
        var before = Connector.Calls.Count;
        using var response = await PostAsync(Activity("02-message-channel-mention.json", a =>
        {
            a.Remove("text");
            a.Remove("entities");
            a["replyToId"] = PressedCardId;
            a["conversation"] = new JsonObject { ["id"] = ChannelConversation, ["conversationType"] = "channel" };
            a["from"] = new JsonObject { ["id"] = $"29:{person}", ["name"] = $"Signed-in {person}", ["aadObjectId"] = person };
            a["value"] = value;
        }));
        response.EnsureSuccessStatusCode();
        Assert.True(Connector.Calls.Count > before, "the Submit got no visible answer");
    }
}
