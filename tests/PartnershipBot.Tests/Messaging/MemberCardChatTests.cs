using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Messaging;

/// <summary>
/// "import members" in local mode: the roster (read through the loopback Connector, every page) becomes a
/// tick-box card, and saving it changes the board's members, each change audited.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class MemberCardChatTests : ChatTest
{
    private const string Board = "Thurrock Community Safety Partnership Strategic Board";
    private const string Secretary = "00000000-0000-0000-0000-000000000a01";

    private static JsonObject Channel => new() { ["id"] = ChannelConversation, ["conversationType"] = "channel" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SayInChannelAsync($"link this to {Board}");
        await Connector.WaitForActivitiesAsync(1);
    }

    [Fact]
    public async Task The_card_ticks_every_roster_page_marks_guests_and_ticks_current_members()
    {
        // Teams may return fewer people a page than asked for: two pages of 100 prove every page is read.
        Connector.MaxPageSize = 100;
        for (var i = 0; i < 150; i++)
        {
            Connector.Roster.Add(new ChannelAccount { Id = $"29:m{i}", Name = $"Member {i}", AadObjectId = $"aad-m{i}", UserRole = i == 7 ? "guest" : "user" });
        }

        Connector.Roster.Add(new ChannelAccount { Id = "29:ext", Name = "Erin External", AadObjectId = "aad-ext", TenantId = "another-tenant" });
        await Directory().AssignRoleAsync(Board, "aad-m3", BoardRole.Member, "admin", DateTimeOffset.UtcNow, CancellationToken.None);

        var card = await AskForCardAsync();

        var input = Inputs(card).Single();
        Assert.Equal(("Input.ChoiceSet", true, "expanded"), (input.GetProperty("type").GetString(), input.GetProperty("isMultiSelect").GetBoolean(), input.GetProperty("style").GetString()));
        var choices = input.GetProperty("choices").EnumerateArray().ToList();
        Assert.Equal(151, choices.Count);
        Assert.Equal("aad-m3", input.GetProperty("value").GetString());
        Assert.Equal("Member 7 (guest or external)", choices.Single(c => c.GetProperty("value").GetString() == "aad-m7").GetProperty("title").GetString());
        Assert.Equal("Erin External (guest or external)", choices.Single(c => c.GetProperty("value").GetString() == "aad-ext").GetProperty("title").GetString());
        Assert.Equal(2, Connector.Calls.Count(c => c.Path.Contains("/pagedmembers", StringComparison.Ordinal)));
        var action = card.GetProperty("actions").EnumerateArray().Single();
        Assert.Equal(("Action.Execute", MemberCards.SaveVerb), (action.GetProperty("type").GetString(), action.GetProperty("verb").GetString()));
        // Showing the card changes nothing.
        Assert.Equal(["aad-m3"], (await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None)).Select(m => m.PersonId));
    }

    [Fact]
    public async Task Saving_adds_the_ticked_removes_the_unticked_keeps_their_other_roles_and_audits_each_change()
    {
        AddPeople(("ann", "Ann Able"), ("bob", "Bob Baker"), ("cat", "Cat Cole"));
        await Directory().AssignRoleAsync(Board, "aad-ann", BoardRole.Member, "admin", DateTimeOffset.UtcNow, CancellationToken.None);
        await Directory().AssignRoleAsync(Board, "aad-ann", BoardRole.ViceChair, "admin", DateTimeOffset.UtcNow, CancellationToken.None);
        await Directory().AssignRoleAsync(Board, "aad-bob", BoardRole.Member, "admin", DateTimeOffset.UtcNow, CancellationToken.None);
        var card = await AskForCardAsync();

        var (_, body) = await SaveAsync(card, "aad-bob,aad-cat");

        Assert.Equal(InvokeResponse.CardType, body.GetProperty("type").GetString());
        var summary = body.GetProperty("value").GetRawText();
        Assert.Contains("saved", summary, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Added\",\"value\":\"Cat Cole\"", summary, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Removed\",\"value\":\"Ann Able\"", summary, StringComparison.Ordinal);
        var members = await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None);
        Assert.Equal(["aad-bob", "aad-cat"], members.Select(m => m.PersonId).Order());
        Assert.Equal([BoardRole.ViceChair], await Directory().RolesOfAsync(Board, "aad-ann", CancellationToken.None));
        var audit = (await Directory().AuditAsync(CancellationToken.None)).Where(a => a.Actor == Secretary).Select(a => (a.Action, a.Subject)).ToList();
        Assert.Contains(("role.assign", "aad-cat"), audit);
        Assert.Contains(("role.remove", "aad-ann"), audit);
        Assert.Contains(("board.members", Board), audit);
    }

    [Fact]
    public async Task Saving_with_nobody_ticked_gets_the_card_back_saying_what_to_fix_and_nothing_changes()
    {
        AddPeople(("ann", "Ann Able"));
        await Directory().AssignRoleAsync(Board, "aad-ann", BoardRole.Member, "admin", DateTimeOffset.UtcNow, CancellationToken.None);
        var card = await AskForCardAsync();

        var (_, body) = await SaveAsync(card, "");

        Assert.Contains("Please tick at least one person", body.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("aad-ann", Inputs(body.GetProperty("value")).Single().GetProperty("value").GetString());
        Assert.Single(await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None));
    }

    [Fact]
    public async Task A_card_made_before_someone_joined_is_shown_again_as_it_is_now_and_nothing_changes()
    {
        AddPeople(("ann", "Ann Able"));
        var card = await AskForCardAsync();
        AddPeople(("dan", "Dan Dale"));

        var (_, body) = await SaveAsync(card, "aad-ann");

        var fresh = body.GetProperty("value");
        Assert.Contains("People have joined or left this conversation", fresh.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, Inputs(fresh).Single().GetProperty("choices").GetArrayLength());
        Assert.Equal("aad-ann", Inputs(fresh).Single().GetProperty("value").GetString());
        Assert.Empty(await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None));

        // The fresh card carries the new roster, so saving it works.
        var (_, saved) = await SaveAsync(fresh, "aad-ann,aad-dan");
        Assert.Contains("saved", saved.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, (await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_card_for_a_board_the_conversation_is_no_longer_linked_to_changes_nothing()
    {
        AddPeople(("ann", "Ann Able"));
        var card = await AskForCardAsync();
        await SayInChannelAsync("unlink");

        var (_, body) = await SaveAsync(card, "aad-ann");

        Assert.Contains("This members card is out of date", body.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None));
    }

    [Fact]
    public async Task Ticking_someone_not_in_the_conversation_is_treated_as_a_stale_card()
    {
        AddPeople(("ann", "Ann Able"));
        var card = await AskForCardAsync();

        var (_, body) = await SaveAsync(card, "aad-ann,aad-intruder");

        Assert.Contains("People have joined or left", body.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None));
    }

    [Fact]
    public async Task Import_all_members_still_adds_everyone_at_once()
    {
        for (var i = 0; i < 150; i++)
        {
            Connector.Roster.Add(new ChannelAccount { Id = $"29:m{i}", Name = $"Member {i}", AadObjectId = $"aad-m{i}", UserRole = i == 7 ? "guest" : "user" });
        }

        await SayInChannelAsync("import all members");

        var reply = (await Connector.WaitForActivitiesAsync(2))[1];
        Assert.Contains("Imported 150 members of the **Thurrock", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1 of them are guests or external users.", reply.Text, StringComparison.Ordinal);
        var members = await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None);
        Assert.Equal(150, members.Count);
        Assert.True(members.Single(m => m.PersonId == "aad-m7").IsGuest);
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task Every_members_card_passes_the_official_schema_and_renderer()
    {
        AddPeople(("ann", "Ann Able"), ("bob", "Bob Baker"));
        Connector.Roster.Add(new ChannelAccount { Id = "29:gus", Name = "Gus Guest", AadObjectId = "aad-gus", UserRole = "guest" });
        var card = await AskForCardAsync();
        var (_, fix) = await SaveAsync(card, "");
        var (_, saved) = await SaveAsync(card, "aad-ann,aad-gus");

        await CardContracts.AssertValidAsync(
            ("members-pick", JsonNode.Parse(card.GetRawText())!),
            ("members-fix", JsonNode.Parse(fix.GetProperty("value").GetRawText())!),
            ("members-saved", JsonNode.Parse(saved.GetProperty("value").GetRawText())!),
            ("members-out-of-date", MemberCards.OutOfDate("It was made for another board.").ToJson()),
            ("members-refusal", MemberCards.Refusal(Board).ToJson()));
    }

    private IBoardDirectory Directory() => Host.Services.GetRequiredService<IBoardDirectory>();

    private void AddPeople(params (string Key, string Name)[] people)
    {
        foreach (var (key, name) in people)
        {
            Connector.Roster.Add(new ChannelAccount { Id = $"29:{key}", Name = name, AadObjectId = $"aad-{key}", UserRole = "user" });
        }
    }

    /// <summary>Says "import members" and returns the card the bot posted.</summary>
    private async Task<JsonElement> AskForCardAsync()
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync("import members");
        var reply = (await Connector.WaitForActivitiesAsync(before + 1))[before];
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        return attachment.Content!.Value;
    }

    /// <summary>Presses "Save members" with <paramref name="ticked"/> as the tick-boxes' value.</summary>
    private Task<(System.Net.HttpStatusCode Status, JsonElement Body)> SaveAsync(JsonElement card, string ticked)
    {
        var data = JsonNode.Parse(card.GetProperty("actions")[0].GetProperty("data").GetRawText())!.AsObject();
        data[MemberCards.MembersInput] = ticked;
        return PressAsync(MemberCards.SaveVerb, data, Secretary, Channel);
    }

    private static IEnumerable<JsonElement> Inputs(JsonElement card) =>
        card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString()!.StartsWith("Input.", StringComparison.Ordinal));
}
