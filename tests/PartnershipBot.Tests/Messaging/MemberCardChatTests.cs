using System.Globalization;
using System.Text;
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
        var audit = (await Directory().AuditAsync(CancellationToken.None)).Where(a => a.Actor == Secretary).Select(a => (a.Action.Name, a.Subject)).ToList();
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

    [Fact]
    public async Task A_250_person_roster_comes_as_cards_each_under_28_KB_and_a_save_changes_only_its_own_card()
    {
        var roster = AddOrdinaryPeople(250);
        // The first and last by name: on the first and the last card, whatever the split.
        var people = roster.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Id).ToList();
        await Directory().AssignRoleAsync(Board, people[0], BoardRole.Member, "admin", DateTimeOffset.UtcNow, CancellationToken.None);
        await Directory().AssignRoleAsync(Board, people[^1], BoardRole.Member, "admin", DateTimeOffset.UtcNow, CancellationToken.None);

        var cards = await AskForCardsAsync();

        Assert.True(cards.Count >= 2, $"250 people with ordinary names are over 28 KB on one card, yet {cards.Count} card came");
        Assert.All(cards, c => Assert.InRange(Encoding.UTF8.GetByteCount(c.GetRawText()), 1, MemberCards.MaxCardBytes - 1));
        var onCards = cards.Select(c => Inputs(c).Single().GetProperty("choices").EnumerateArray().Select(x => x.GetProperty("value").GetString()!).ToList()).ToList();
        Assert.Equal(people.Order(StringComparer.Ordinal), onCards.SelectMany(ids => ids).Order(StringComparer.Ordinal));
        // Each card ticks the current members that are on it, and only those.
        var first = onCards.FindIndex(ids => ids.Contains(people[0]));
        var last = onCards.FindIndex(ids => ids.Contains(people[^1]));
        Assert.NotEqual(first, last);
        Assert.Equal(people[0], Inputs(cards[first]).Single().GetProperty("value").GetString());

        // Saving the card with the last person on it: two ticked there, nobody on the other card is touched.
        var pageOfLast = onCards[last];
        var keep = pageOfLast.First(id => id != people[^1]);
        var (_, body) = await SaveAsync(cards[last], keep);

        Assert.Contains("saved", body.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        var members = (await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None)).Select(m => m.PersonId).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { people[0], keep }.Order(StringComparer.Ordinal), members);

        // A card's save that ticks someone from another card is stale, and changes nothing.
        var (_, stale) = await SaveAsync(cards[first], $"{people[0]},{keep}");
        Assert.Contains("People have joined or left", stale.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(stale.GetProperty("value").GetRawText()) < MemberCards.MaxCardBytes);
        Assert.Equal(2, (await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None)).Count);
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

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task A_250_person_picker_passes_the_schema_and_renderer_and_every_card_of_it_is_under_28_KB()
    {
        AddOrdinaryPeople(250);
        var cards = await AskForCardsAsync();
        var (_, fix) = await SaveAsync(cards[0], "");

        await CardContracts.AssertValidAsync([
            .. cards.Select((c, i) => ($"members-pick-250-card-{i + 1}", JsonNode.Parse(c.GetRawText())!)),
            ("members-pick-250-fix", JsonNode.Parse(fix.GetProperty("value").GetRawText())!)]);
    }

    private IBoardDirectory Directory() => Host.Services.GetRequiredService<IBoardDirectory>();

    private static readonly string[] FirstNames = ["Siân", "Oluwaseun", "Margaret", "Zoë", "Mohammed", "Catriona", "Bartholomew", "Aoife", "Priya", "Christopher"];
    private static readonly string[] Surnames = ["O'Brien", "Fitzgerald-Hughes", "Patel", "Ó Súilleabháin", "Williamson", "Nakamura", "Abernethy", "Okonkwo", "Lewis-Jones", "MacDonald", "Kowalczyk", "Ramsbottom", "Chowdhury", "Featherstonehaugh", "Jenkins", "Adeyemi", "Thompson", "Ní Bhriain", "Harrington", "Evans", "Sutherland", "Mensah", "Bainbridge", "Llewellyn", "Singh"];

    /// <summary>People as a council's roster has them: real-looking names (accents, apostrophes, hyphens) and Entra object ids.</summary>
    private List<(string Id, string Name)> AddOrdinaryPeople(int count)
    {
        var people = new List<(string Id, string Name)>();
        for (var i = 0; i < count; i++)
        {
            var id = new Guid(i + 1, 0x4a2b, 0x4c3d, [0x8e, 0x9f, 0, 0, 0, 0, 0, (byte)(i % 7)]).ToString();
            var name = $"{FirstNames[i % FirstNames.Length]} {Surnames[i / FirstNames.Length % Surnames.Length]}";
            people.Add((id, name));
            Connector.Roster.Add(new ChannelAccount { Id = $"29:1{id}", Name = name, AadObjectId = id, UserRole = i % 40 == 3 ? "guest" : "user" });
        }

        return people;
    }

    /// <summary>Says "import members" and returns every card the bot posted in reply, one per message.</summary>
    private async Task<List<JsonElement>> AskForCardsAsync()
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync("import members");
        var first = Assert.Single((await Connector.WaitForActivitiesAsync(before + 1))[before].Attachments!).Content!.Value;
        // "card 1 of N" says how many follow.
        var label = Inputs(first).Single().GetProperty("label").GetString()!;
        var of = label.IndexOf(" of ", StringComparison.Ordinal);
        var count = label.Contains("card 1 of ", StringComparison.Ordinal) ? int.Parse(label[(of + 4)..label.IndexOf(' ', of + 4)], CultureInfo.InvariantCulture) : 1;
        var replies = await Connector.WaitForActivitiesAsync(before + count);
        return [.. replies.Skip(before).Select(a => Assert.Single(a.Attachments!).Content!.Value)];
    }

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
