using System.Net;
using System.Text.Json.Nodes;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Declarations;

/// <summary>
/// Declaring on the card through /api/messages: the declarer is always the authenticated sender, only members
/// may declare, incomplete answers come back saying what to fix, answers are stored before they are acknowledged
/// (also when many arrive at once), each member's refreshed view is their own, and the chair's view shows the
/// quorum after recusals.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class DeclarationChatTests : DeclarationTest
{
    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task Every_declaration_card_passes_the_official_schema_and_renderer()
    {
        await AddMembersAsync(14);
        await SayInChannelAsync($"open declarations for \"{Item}\"");
        var posted = (await Connector.WaitForActivitiesAsync(2))[1].Attachments!.Single();
        Assert.Equal("application/vnd.microsoft.card.adaptive", posted.ContentType);
        var item = (await Items.FindByTitleAsync(Board, Item, Time.GetUtcNow(), CancellationToken.None))!;
        await DeclareAsync(item, "member-1", "pecuniary", "My charity has applied to this fund");
        var (_, personal) = await InvokeAsync(DeclarationCards.ViewVerb, ItemData(item), "member-1");
        var (_, fix) = await DeclareAsync(item, "member-2", "pecuniary", "");
        var (_, outsider) = await InvokeAsync(DeclarationCards.ViewVerb, ItemData(item), "outsider");
        var (_, chair) = await InvokeAsync(DeclarationCards.ChairVerb, ItemData(item), "member-3");

        var cards = new Dictionary<string, string>
        {
            ["shared"] = posted.Content!.Value.GetRawText(),
            ["personal"] = personal.GetProperty("value").GetRawText(),
            ["fix"] = fix.GetProperty("value").GetRawText(),
            ["outsider-chair-view"] = outsider.GetProperty("value").GetRawText(),
            ["chair"] = chair.GetProperty("value").GetRawText(),
            // Only a non-member outside the chair's team sees this, which local mode (everyone an admin) can't produce.
            ["read-only"] = DeclarationCards.ReadOnly(new DeclarationStatus(item, [], []), "Only members declare.").ToJson().ToJsonString(),
        };
        Assert.All(cards.Values, json => Assert.Contains(Item, json, StringComparison.Ordinal));
        // The cards don't invent a rule the board's ToR may not have: the chair decides how someone with an interest takes part.
        Assert.All(cards.Values, json => Assert.DoesNotContain("not take part", json, StringComparison.Ordinal));
        Assert.Contains("the chair decides", cards["shared"], StringComparison.Ordinal);
        Assert.Contains("The chair will say", cards["personal"], StringComparison.Ordinal);
        await CardContracts.AssertValidAsync([.. cards.Select(c => ($"declaration-{c.Key}", JsonNode.Parse(c.Value)!))]);
    }

    [Fact]
    public async Task The_declarations_command_explains_how_declarations_work_here()
    {
        await SayInChannelAsync("declarations");

        var reply = (await Connector.WaitForActivitiesAsync(2))[1];
        Assert.Contains("\"open declarations for <item>\"", reply.Text, StringComparison.Ordinal);
        Assert.Contains("No members are recorded for this board yet", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interest_without_its_nature_gets_a_card_saying_what_to_fix_and_nothing_is_stored()
    {
        await AddMembersAsync(1);
        var item = await AddItemAsync();

        var (status, body) = await DeclareAsync(item, "member-1", "pecuniary", " ");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        Assert.Contains("please say what it is", CardText(body.GetProperty("value")), StringComparison.Ordinal);
        Assert.Empty(await Register.ListForItemAsync(item, CancellationToken.None));
    }

    [Fact]
    public async Task Card_data_naming_another_member_is_ignored_the_declarer_is_the_authenticated_sender()
    {
        await AddMembersAsync(2);
        var item = await AddItemAsync();

        var forged = new JsonObject { ["itemId"] = item.ItemId, ["interest"] = "none", ["personId"] = "member-2", ["aadObjectId"] = "member-2", ["from"] = "member-2" };
        var (_, body) = await InvokeAsync(DeclarationCards.SubmitVerb, forged, "member-1");

        Assert.Contains("Declaration recorded", CardText(body.GetProperty("value")), StringComparison.Ordinal);
        var stored = Assert.Single(await Register.ListForItemAsync(item, CancellationToken.None));
        Assert.Equal("member-1", stored.Entry.PersonId);
        Assert.Equal("thurrock/2027-03-12", stored.Entry.MeetingId);
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_is_refused_and_nothing_is_stored()
    {
        await AddMembersAsync(2);
        var item = await AddItemAsync();

        var (status, body) = await DeclareAsync(item, "outsider", "none");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"Only members of the {Board} can declare on this item.", body.GetProperty("value").GetString());
        Assert.Empty(await Register.ListForItemAsync(item, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_declarations_are_each_stored_once_on_an_intact_chain()
    {
        await AddMembersAsync(12);
        var item = await AddItemAsync();

        var results = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => DeclareAsync(item, $"member-{i}", i % 3 == 0 ? "non-pecuniary" : "none", "Trustee of an applicant")));

        Assert.All(results, r => Assert.Contains("Declaration recorded", CardText(r.Body.GetProperty("value")), StringComparison.Ordinal));
        var stored = await Register.ListForItemAsync(item, CancellationToken.None);
        Assert.Equal(12, stored.Select(d => d.Entry.PersonId).Distinct().Count());
        Assert.Equal(12, stored.Select(d => d.Sequence).Distinct().Count());
        Assert.True((await Register.VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task Each_member_refreshes_into_their_own_answer_and_can_amend_it_as_a_new_entry()
    {
        await AddMembersAsync(3);
        var item = await AddItemAsync();
        await DeclareAsync(item, "member-1", "pecuniary", "My charity has applied to this fund");

        var (_, mine) = await InvokeAsync(DeclarationCards.ViewVerb, ItemData(item), "member-1");
        var (_, theirs) = await InvokeAsync(DeclarationCards.ViewVerb, ItemData(item), "member-2");
        var (_, amended) = await DeclareAsync(item, "member-1", "none");

        var mineJson = CardText(mine.GetProperty("value"));
        Assert.Contains("a financial interest: My charity has applied to this fund", mineJson, StringComparison.Ordinal);
        Assert.Contains("Amend declaration", mineJson, StringComparison.Ordinal);
        Assert.Contains("#1 at 09:00 on Monday 1 March (UK time)", mineJson, StringComparison.Ordinal);
        var theirsJson = CardText(theirs.GetProperty("value"));
        Assert.DoesNotContain("My charity", theirsJson, StringComparison.Ordinal);
        Assert.Contains("Submit declaration", theirsJson, StringComparison.Ordinal);
        Assert.Contains("0 declared no interest · 1 declared an interest · 2 outstanding", theirsJson, StringComparison.Ordinal);
        Assert.Contains("1 declared no interest · 0 declared an interest · 2 outstanding", CardText(amended.GetProperty("value")), StringComparison.Ordinal);
        var entries = await Register.ListForItemAsync(item, CancellationToken.None);
        Assert.Equal([InterestKind.Pecuniary, InterestKind.None], entries.Select(e => e.Entry.Interest));
    }

    [Fact]
    public async Task The_chair_sees_who_must_withdraw_and_the_quorum_after_recusals()
    {
        await AddMembersAsync(14);
        var item = await AddItemAsync();
        await DeclareAsync(item, "member-1", "pecuniary", "My charity has applied to this fund");
        await DeclareAsync(item, "member-2", "non-pecuniary", "My partner chairs an applicant");
        await DeclareAsync(item, "member-3", "none");

        await SayInChannelAsync($"declarations for {Item}");

        var card = CardText((await Connector.WaitForActivitiesAsync(3))[2].Attachments!.Single().Content!.Value);
        Assert.Contains("Quorum: 14 members, quorum 8; 2 withdrawing leaves 12 eligible: quorate.", card, StringComparison.Ordinal);
        Assert.Contains("Member 1", card, StringComparison.Ordinal);
        Assert.Contains("a personal interest: My partner chairs an applicant", card, StringComparison.Ordinal);
        Assert.Contains("Declared no interest: Member 3", card, StringComparison.Ordinal);
        Assert.Contains("Chase 11 outstanding", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawals_that_break_the_quorum_get_a_clear_warning()
    {
        await AddMembersAsync(14);
        var item = await AddItemAsync();
        for (var i = 1; i <= 7; i++)
        {
            await DeclareAsync(item, $"member-{i}", "non-pecuniary", "Trustee of an applicant");
        }

        var (_, chair) = await InvokeAsync(DeclarationCards.ChairVerb, ItemData(item), "member-8");
        await SayInChannelAsync($"quorum for {Item} with 14 members");

        Assert.Contains("Warning: 14 members, quorum 8; 7 withdrawing leaves 7 eligible: NOT quorate (1 short). The decision should not be taken.", CardText(chair.GetProperty("value")), StringComparison.Ordinal);
        var reply = (await Connector.WaitForActivitiesAsync(3))[2];
        Assert.Contains("Warning: 14 members, quorum 8; 7 withdrawing leaves 7 eligible: NOT quorate (1 short).", reply.Text, StringComparison.Ordinal);
        Assert.Contains("50% of membership, plus one", reply.Text, StringComparison.Ordinal);
    }

    private static JsonObject ItemData(DeclarationItem item) => new() { ["itemId"] = item.ItemId };
}
