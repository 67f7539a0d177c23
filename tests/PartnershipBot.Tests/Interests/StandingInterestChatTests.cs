using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Interests;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Interests;

/// <summary>
/// Issue 20 item 6, the standing declaration through /api/messages: "my interests" gives the card; Save stores a new
/// version (never overwriting the last), acknowledged from what was stored, once per press (Execute or the Submit
/// fallback); bad answers come back saying what to fix with nothing stored; the card's "whose declaration" is checked
/// on every press. Run on SQLite and on the running PostgreSQL.
/// </summary>
public abstract class StandingInterestChatTests : StandingInterestTest
{
    private static readonly Dictionary<string, string> Mine = new()
    {
        ["employment"] = "Thurrock Council: housing officer",
        ["directorships"] = "Grays Community Trust Ltd - director",
        ["grants"] = "Safer Communities Fund",
    };

    [Fact]
    public async Task My_interests_gives_a_card_with_every_section_the_no_interests_tick_and_save()
    {
        await AddMembersAsync(1);
        var card = await MyInterestsCardAsync("update my interests");

        var inputs = card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null).ToDictionary(e => (string)e["id"]!, e => (string)e["type"]!);
        Assert.Equal("Input.Toggle", inputs[StandingInterestForm.NoneInput]);
        Assert.All(InterestSections.All, s => Assert.Equal("Input.Text", inputs[InterestSections.Code(s)]));
        Assert.Equal("Action.Execute", (string?)SaveAction(card)["type"]);
        Assert.Equal("Action.Submit", (string?)SaveAction(card)["fallback"]!["type"]);
        Assert.Contains(Board, TextOf(card), StringComparison.Ordinal);
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task The_interest_cards_pass_the_schema_and_the_renderer()
    {
        var card = await MyInterestsCardAsync();
        var (_, refused) = await SaveAsync(card, Sender, new Dictionary<string, string> { ["employment"] = ": trustee" });
        var (_, saved) = await SaveAsync(card, Sender, Mine);

        await CardContracts.AssertValidAsync(
            ("standing-interests-form", card),
            ("standing-interests-refused", JsonNode.Parse(refused.GetProperty("value").GetRawText())!),
            ("standing-interests-saved", JsonNode.Parse(saved.GetProperty("value").GetRawText())!));
    }

    [Fact]
    public async Task Save_stores_version_one_acknowledges_it_and_a_double_press_stores_once()
    {
        var card = await MyInterestsCardAsync();

        var (status, first) = await SaveAsync(card, Sender, Mine);
        var (_, second) = await SaveAsync(card, Sender, Mine);

        Assert.Equal(HttpStatusCode.OK, status);
        var stored = Assert.Single(await Standing.HistoryAsync(Board, CancellationToken.None));
        Assert.Equal((1, Sender, Sender), (stored.Version, stored.Declaration.PersonId, stored.Declaration.RecordedBy));
        Assert.Equal(
            [(InterestSection.Employment, "Thurrock Council", "housing officer"), (InterestSection.Directorships, "Grays Community Trust Ltd", "director"), (InterestSection.Grants, "Safer Communities Fund", null)],
            stored.Declaration.Interests.Select(i => (i.Section, i.Organisation, i.Note)));
        Assert.Contains("Standing declaration saved", CardText(first.GetProperty("value")), StringComparison.Ordinal);
        Assert.Contains($"entry #{stored.Sequence}", CardText(first.GetProperty("value")), StringComparison.Ordinal);
        Assert.Equal(CardText(first.GetProperty("value")), CardText(second.GetProperty("value")));
    }

    [Fact]
    public async Task An_edit_from_the_redrawn_card_is_a_new_version_and_the_old_one_is_kept()
    {
        var card = await MyInterestsCardAsync();
        await SaveAsync(card, Sender, Mine);

        var redrawn = await MyInterestsCardAsync();
        Assert.Contains("Thurrock Council: housing officer", TextOf(redrawn), StringComparison.Ordinal);
        await SaveAsync(redrawn, Sender, none: true);

        var history = await Standing.HistoryAsync(Board, CancellationToken.None);
        Assert.Equal([1, 2], history.Select(h => h.Version));
        Assert.Equal(3, history[0].Declaration.Interests.Count);
        Assert.True(history[1].Declaration.NothingToDeclare);
        Assert.Equal(history[0].Hash, history[1].PreviousHash);
        Assert.Equal(2, (await Standing.LatestAsync(Board, Sender, CancellationToken.None))!.Version);
        Assert.True((await Standing.VerifyAsync(CancellationToken.None)).Intact);
    }

    [Theory]
    [InlineData("employment", ": trustee", "has a note but no organisation's name")]
    [InlineData("other", "x", "")]
    public async Task A_bad_answer_comes_back_saying_what_to_fix_and_nothing_is_stored(string section, string text, string expected)
    {
        var card = await MyInterestsCardAsync();
        var sections = new Dictionary<string, string> { [section] = text };
        var none = expected.Length == 0; // a name and the "no interests" tick contradict each other

        var (status, body) = await SaveAsync(card, Sender, sections, none);

        Assert.Equal(HttpStatusCode.OK, status);
        var shown = CardText(body.GetProperty("value"));
        Assert.Contains(none ? "untick it or clear the boxes" : expected, shown, StringComparison.Ordinal);
        Assert.Contains(text.Trim(), shown, StringComparison.Ordinal); // what they typed is put back, not lost
        Assert.Empty(await Standing.HistoryAsync(Board, CancellationToken.None));
    }

    [Fact]
    public async Task Too_long_names_too_many_entries_and_an_empty_answer_are_each_refused()
    {
        var card = await MyInterestsCardAsync();
        var longName = new string('a', StandingInterestForm.MaximumOrganisation + 1);
        var tooMany = string.Join('\n', Enumerable.Range(1, StandingInterestForm.MaximumPerSection + 1).Select(i => $"Organisation {i}"));

        var (_, tooLong) = await SaveAsync(card, Sender, new Dictionary<string, string> { ["employment"] = longName });
        var (_, crowded) = await SaveAsync(card, Sender, new Dictionary<string, string> { ["other-bodies"] = tooMany });
        var (_, empty) = await SaveAsync(card, Sender);

        Assert.Contains($"longer than {StandingInterestForm.MaximumOrganisation} characters", CardText(tooLong.GetProperty("value")), StringComparison.Ordinal);
        Assert.Contains($"at most {StandingInterestForm.MaximumPerSection} organisations", CardText(crowded.GetProperty("value")), StringComparison.Ordinal);
        Assert.Contains("tick “I have no interests to declare”", CardText(empty.GetProperty("value")), StringComparison.Ordinal);
        Assert.Empty(await Standing.HistoryAsync(Board, CancellationToken.None));
    }

    [Fact]
    public async Task The_submit_fallback_stores_the_declaration_and_updates_the_pressed_card()
    {
        var card = await MyInterestsCardAsync();
        var value = (JsonObject)SaveAction(card)["fallback"]!["data"]!.DeepClone();
        value["employment"] = "Thurrock Council";
        value[StandingInterestForm.NoneInput] = "false";

        for (var press = 0; press < 2; press++) // an older client's double click
        {
            using var response = await PostAsync(Activity("02-message-channel-mention.json", a =>
            {
                a.Remove("text");
                a.Remove("entities");
                a["replyToId"] = "1700000000321";
                a["value"] = value.DeepClone();
            }));
            response.EnsureSuccessStatusCode();
        }

        var stored = Assert.Single(await Standing.HistoryAsync(Board, CancellationToken.None));
        Assert.Equal("Thurrock Council", Assert.Single(stored.Declaration.Interests).Organisation);
        var update = Connector.Calls.First(c => c.Method == "PUT");
        Assert.EndsWith("/activities/1700000000321", update.Path, StringComparison.Ordinal);
        Assert.Contains("Standing declaration saved", CardText(JsonDocument.Parse(update.Body).RootElement), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_recording_for_a_member_is_stored_as_theirs_and_audited_as_the_secretariat()
    {
        await AddMembersAsync(2);
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync("record interests for Member 2");
        var card = CardOf((await Connector.WaitForActivitiesAsync(before + 1))[before]);
        Assert.Contains("Standing declaration for Member 2", TextOf(card), StringComparison.Ordinal);

        await SaveAsync(card, Sender, new Dictionary<string, string> { ["employment"] = "Essex Police" });

        var stored = Assert.Single(await Standing.HistoryAsync(Board, CancellationToken.None));
        Assert.Equal(("member-2", Sender), (stored.Declaration.PersonId, stored.Declaration.RecordedBy));
        var audit = await Host.Services.GetRequiredService<IAuditLog>().AuditAsync(CancellationToken.None);
        var entry = Assert.Single(audit, a => a.Action == AuditAction.InterestsRecordedFor);
        Assert.Equal(Sender, entry.Actor);
        Assert.Contains("\"person\":\"member-2\"", entry.DetailJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_naming_someone_who_holds_no_role_on_the_board_saves_nothing()
    {
        await AddMembersAsync(1);
        var card = await MyInterestsCardAsync();
        var forged = (JsonObject)SaveAction(card)["data"]!.DeepClone();
        forged[StandingInterestCards.PersonKey] = "not-on-the-board";
        forged["employment"] = "Somewhere";
        forged[StandingInterestForm.NoneInput] = "false";

        var (_, body) = await InvokeAsync(StandingInterestCards.SaveVerb, forged, Sender);

        Assert.Equal(StandingInterestCardActions.NotYours, body.GetProperty("value").GetString());
        Assert.Empty(await Standing.HistoryAsync(Board, CancellationToken.None));
    }

    [Fact]
    public async Task In_a_personal_chat_my_interests_for_a_board_sends_that_boards_card()
    {
        await SayInPersonalChatAsync("my interests for Thurrock");

        var reply = (await Connector.WaitForActivitiesAsync(2))[1];
        Assert.True(reply.Attachments is { Count: 1 }, "No card; the bot said: " + reply.Text);
        Assert.Equal(Board, (string?)SaveAction(CardOf(reply))["data"]![StandingInterestCards.BoardKey]);
    }

    [Fact]
    public async Task The_fullest_card_a_member_can_produce_stays_under_28_kb()
    {
        var card = await MyInterestsCardAsync();
        var note = new string('n', StandingInterestForm.MaximumNote);
        // As many entries as the limits allow, each as long as allowed: stored, then drawn again for editing.
        var sections = InterestSections.All.Take(2).ToDictionary(InterestSections.Code, s => string.Join('\n', Enumerable.Range(1, StandingInterestForm.MaximumPerSection)
            .Select(i => $"{InterestSections.Code(s)} {i} {new string('o', StandingInterestForm.MaximumOrganisation - 20)}: {note}"))[..StandingInterestForm.MaximumSectionText]);

        var (_, saved) = await SaveAsync(card, Sender, sections);
        var (_, rejected) = await SaveAsync(card, Sender, InterestSections.All.ToDictionary(InterestSections.Code, _ => new string('x', StandingInterestForm.MaximumSectionText + 500)));

        Assert.NotEmpty(await Standing.HistoryAsync(Board, CancellationToken.None));
        Assert.InRange(saved.GetProperty("value").GetRawText().Length, 1, 28 * 1024);
        Assert.InRange(rejected.GetProperty("value").GetRawText().Length, 1, 28 * 1024);
    }
}

/// <summary><see cref="StandingInterestChatTests"/> on SQLite.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class StandingInterestChatSqliteTests : StandingInterestChatTests
{
    protected override string Provider => "sqlite";
}

/// <summary><see cref="StandingInterestChatTests"/> on the running PostgreSQL.</summary>
[Trait(TestTier.Category, TestTier.Postgres)]
public sealed class StandingInterestChatPostgresTests : StandingInterestChatTests
{
    protected override string Provider => "postgres";
}
