using System.Text.Json.Nodes;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Interests;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Interests;

/// <summary>
/// Issue 20 item 6, the chair's view: for a financial item, the chair's card (in chat and from its buttons) and the
/// quorum-after-withdrawals answer list the members whose standing declarations name an organisation the item names,
/// and nobody else's view of the item shows them. On SQLite and the running PostgreSQL.
/// </summary>
public abstract class StandingInterestChairViewTests : StandingInterestTest
{
    private const string Grant = "Grant to Thurrock CVS for the youth hub";

    [Fact]
    public async Task The_chairs_card_and_quorum_answer_name_the_members_whose_standing_interests_match_and_members_do_not_see_them()
    {
        await AddMembersAsync(3);
        await DeclareStandingAsync("member-1", "directorships", "Thurrock CVS Ltd: trustee");
        await DeclareStandingAsync("member-2", "employment", "Essex Police");
        await SayInChannelAsync($"add '{Grant}' as a financial decision to the 12 March meeting");
        await Connector.WaitForActivitiesAsync(2);
        var item = (await Items.FindByTitleAsync(Board, Grant, Time.GetUtcNow(), CancellationToken.None))!;

        var before = Connector.SentActivities.Count;
        await SayInChannelAsync($"declarations for {Grant}");
        var chat = TextOf(CardOf((await Connector.WaitForActivitiesAsync(before + 1))[before]));
        var (_, pressed) = await InvokeAsync(DeclarationCards.ChairVerb, new JsonObject { ["itemId"] = item.ItemId }, "member-3");
        await SayInChannelAsync($"quorum for {Grant} with 10 members");
        var quorum = (await Connector.WaitForActivitiesAsync(before + 2))[before + 1].Text ?? string.Empty;
        var (_, personal) = await InvokeAsync(DeclarationCards.ViewVerb, new JsonObject { ["itemId"] = item.ItemId }, "member-2");

        foreach (var view in new[] { chat, CardText(pressed.GetProperty("value")), quorum })
        {
            Assert.Contains(DeclarationCards.StandingHeading, view, StringComparison.Ordinal);
            Assert.Contains("Signed-in member-1: Thurrock CVS Ltd (directorships and trusteeships)", view.Replace("\\", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("Essex Police", view, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(DeclarationCards.StandingHeading, CardText(personal.GetProperty("value")), StringComparison.Ordinal);
        Assert.DoesNotContain("Thurrock CVS Ltd", CardText(personal.GetProperty("value")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_naming_no_declared_organisation_shows_no_standing_interests()
    {
        await AddMembersAsync(2);
        await DeclareStandingAsync("member-1", "employment", "Essex Police");
        var item = await AddItemAsync();

        var (_, chair) = await InvokeAsync(DeclarationCards.ChairVerb, new JsonObject { ["itemId"] = item.ItemId }, "member-2");

        Assert.DoesNotContain(DeclarationCards.StandingHeading, CardText(chair.GetProperty("value")), StringComparison.Ordinal);
    }

    /// <summary>Saves <paramref name="person"/>'s own standing declaration through the card's Save.</summary>
    private async Task DeclareStandingAsync(string person, string section, string text)
    {
        var data = new JsonObject
        {
            [StandingInterestCards.BoardKey] = Board, [StandingInterestCards.PersonKey] = person, [StandingInterestForm.NoneInput] = "false", [section] = text,
        };
        var (_, body) = await InvokeAsync(StandingInterestCards.SaveVerb, data, person);
        Assert.Contains("Standing declaration saved", CardText(body.GetProperty("value")), StringComparison.Ordinal);
    }
}

/// <summary><see cref="StandingInterestChairViewTests"/> on SQLite.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class StandingInterestChairViewSqliteTests : StandingInterestChairViewTests
{
    protected override string Provider => "sqlite";
}

/// <summary><see cref="StandingInterestChairViewTests"/> on the running PostgreSQL.</summary>
[Trait(TestTier.Category, TestTier.Postgres)]
public sealed class StandingInterestChairViewPostgresTests : StandingInterestChairViewTests
{
    protected override string Provider => "postgres";
}
