using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Cards;

/// <summary>
/// Every button of the reminder and declaration cards works pressed as Action.Execute (an
/// invoke answered in the HTTP response) and as its Action.Submit fallback (a message whose answer updates the pressed
/// card), because the router reads a press once for both; and pressing twice (a double click, a retry, or Execute then
/// its fallback) does what one press does: one register entry, answered with the same entry number.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class CardButtonsBothWaysTests : ChatTest
{
    private const string Richmond = "Richmond Community Safety Partnership Strategy Group";
    private const string PressedCardId = "1700000000077";
    private const string Avery = "00000000-0000-0000-0000-000000000a01";

    // Tuesday 1 December 2026, 09:01 in London.
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 9, 1, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Reminders:PollInterval"] = "1.00:00:00" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SayInChannelAsync($"link this to {Richmond}");
        await Connector.WaitForActivitiesAsync(1);
        await Host.Services.GetRequiredService<IMeetingStore>().AddAsync(
            new MeetingRecord("richmond/2026-12-08", Richmond, ChannelConversation, new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero)),
            time.GetUtcNow(), CancellationToken.None);
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        foreach (var (id, name, role) in new[] { (Avery, "Avery Example", BoardRole.Member), ("aad-sam", "Sam Secretary", BoardRole.Secretariat), ("aad-ben", "Ben Brown", BoardRole.Member) })
        {
            await directory.UpsertPersonAsync(new PersonRecord(id, $"29:{id}", name, null, false), time.GetUtcNow(), CancellationToken.None);
            await directory.AssignRoleAsync(Richmond, id, role, "admin", time.GetUtcNow(), CancellationToken.None);
        }

        await SayInPersonalChatAsync("hello");
        await Connector.WaitForActivitiesAsync(2);
    }

    [Theory]
    [InlineData(ReminderCards.DoneVerb, "Paper submitted by Avery Example at 09:01 on Tuesday 1 December (UK time).")]
    [InlineData(ReminderCards.MoreTimeVerb, "Avery Example asked for more time at 09:01 on Tuesday 1 December; the secretariat (Sam Secretary) has been sent a notice in their chat with me.")]
    [InlineData(ReminderCards.ApologiesVerb, "Apologies from Avery Example for the meeting on Tuesday 8 December 2026 recorded at 09:01 on Tuesday 1 December.")]
    [InlineData(ReminderCards.SnoozeVerb, "I'll remind Avery Example again at 09:00 on Wednesday 2 December 2026.")]
    public async Task Each_reminder_button_answers_the_same_pressed_as_Execute_and_as_Submit(string verb, string answer)
    {
        var card = await PapersReminderAsync();

        var executed = await ExecuteAsync(card, verb, "aad-ben", "Ben Brown");
        var submitted = await SubmitAsync(card, verb, Avery, "Avery Example");

        Assert.Contains(answer.Replace("Avery Example", "Ben Brown", StringComparison.Ordinal), TextOf(executed), StringComparison.Ordinal);
        Assert.Contains(answer, TextOf(submitted), StringComparison.Ordinal);
        Assert.DoesNotContain("out of date", TextOf(submitted), StringComparison.Ordinal);
        var responses = Host.Services.GetRequiredService<IReminderResponses>();
        Assert.Single(await responses.OfPersonAsync(ReminderIdOf(card), Avery, CancellationToken.None));
        Assert.Single(await responses.OfPersonAsync(ReminderIdOf(card), "aad-ben", CancellationToken.None));
    }

    [Fact]
    public async Task Submit_declaration_pressed_twice_stores_one_entry_and_both_presses_show_it()
    {
        var card = await DeclarationCardAsync();

        var first = await ExecuteAsync(card, DeclarationCards.SubmitVerb, Avery, "Avery Example", inputs => inputs["interest"] = "none");
        time.Advance(TimeSpan.FromSeconds(1));
        // The second click changed the choice before the card was replaced: still the same press.
        var second = await ExecuteAsync(card, DeclarationCards.SubmitVerb, Avery, "Avery Example", inputs =>
        {
            inputs["interest"] = "pecuniary";
            inputs["nature"] = "Trustee";
        });
        var fallback = await SubmitAsync(card, DeclarationCards.SubmitVerb, Avery, "Avery Example", inputs => inputs["interest"] = "none");

        var stored = Assert.Single(await Host.Services.GetRequiredService<IDeclarationRegister>().ListAsync(Richmond, null, CancellationToken.None));
        Assert.Equal(InterestKind.None, stored.Entry.Interest);
        foreach (var answer in new[] { first, second, fallback })
        {
            Assert.Contains("Declaration recorded", TextOf(answer), StringComparison.Ordinal);
            Assert.Contains($"#{stored.Sequence} at", TextOf(answer), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Amend_from_the_redrawn_card_is_a_new_entry_and_pressing_it_twice_is_still_one()
    {
        var card = await DeclarationCardAsync();
        var recorded = await ExecuteAsync(card, DeclarationCards.SubmitVerb, Avery, "Avery Example", inputs => inputs["interest"] = "none");

        await ExecuteAsync(recorded, DeclarationCards.SubmitVerb, Avery, "Avery Example", inputs => { inputs["interest"] = "non-pecuniary"; inputs["nature"] = "My partner runs an applicant"; });
        var again = await SubmitAsync(recorded, DeclarationCards.SubmitVerb, Avery, "Avery Example", inputs => { inputs["interest"] = "non-pecuniary"; inputs["nature"] = "My partner runs an applicant"; });

        var entries = await Host.Services.GetRequiredService<IDeclarationRegister>().ListAsync(Richmond, null, CancellationToken.None);
        Assert.Equal([InterestKind.None, InterestKind.NonPecuniary], entries.Select(e => e.Entry.Interest));
        Assert.Contains($"#{entries[1].Sequence} at", TextOf(again), StringComparison.Ordinal);
        Assert.True((await Host.Services.GetRequiredService<IDeclarationRegister>().VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task Chair_view_and_chase_answer_the_same_as_Execute_and_as_Submit_and_a_double_chase_queues_once()
    {
        var card = await DeclarationCardAsync();
        var chairByExecute = await ExecuteAsync(card, DeclarationCards.ChairVerb, "aad-sam", "Sam Secretary");
        var chairBySubmit = await SubmitAsync(card, DeclarationCards.ChairVerb, "aad-sam", "Sam Secretary");
        Assert.Contains("Declarations: chair's view", TextOf(chairByExecute), StringComparison.Ordinal);
        Assert.Contains("Declarations: chair's view", TextOf(chairBySubmit), StringComparison.Ordinal);

        var chased = await ExecuteAsync(chairByExecute, DeclarationCards.ChaseVerb, "aad-sam", "Sam Secretary");
        var chasedAgain = await SubmitAsync(chairByExecute, DeclarationCards.ChaseVerb, "aad-sam", "Sam Secretary");

        Assert.Contains("Chased 2 outstanding", TextOf(chased), StringComparison.Ordinal);
        Assert.Contains("Already chased", TextOf(chasedAgain), StringComparison.Ordinal);
        var outbox = Host.Services.GetRequiredService<IReminderOutbox>();
        var due = await outbox.ClaimDueAsync("probe", time.GetUtcNow(), TimeSpan.FromSeconds(1), 50, CancellationToken.None);
        Assert.Equal([Avery, "aad-ben"], due.Where(r => r.IdempotencyKey.Contains("/chase-", StringComparison.Ordinal)).Select(r => r.Recipient).Order());
    }

    private async Task<JsonNode> PapersReminderAsync()
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync("remind everyone about papers for the next meeting");
        await Connector.WaitForActivitiesAsync(before + 1);
        await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None);
        return CardOf(Connector.ChannelPosts[^1].Activity);
    }

    private async Task<JsonNode> DeclarationCardAsync()
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync("open declarations for \"Allocate the Safer Communities Fund\"");
        var sent = await Connector.WaitForActivitiesAsync(before + 1);
        return CardOf(sent.Skip(before).Last(a => a.Attachments is { Count: > 0 }));
    }

    /// <summary>The button's data with the card's inputs merged in, as a client sends it; <paramref name="edit"/> fills inputs.</summary>
    private static JsonObject DataOf(JsonNode card, JsonNode data, Action<JsonObject>? edit)
    {
        var merged = new JsonObject();
        foreach (var input in card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null))
        {
            merged[(string)input["id"]!] = input["value"]?.ToString() ?? string.Empty;
        }

        edit?.Invoke(merged);
        foreach (var (name, value) in data.AsObject())
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    private async Task<JsonNode> ExecuteAsync(JsonNode card, string verb, string person, string name, Action<JsonObject>? inputs = null)
    {
        var action = card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == verb)!;
        var activity = Activity("08-invoke-adaptivecard-action-execute.json", a =>
        {
            a["conversation"] = new JsonObject { ["id"] = ChannelConversation, ["conversationType"] = "channel" };
            a["from"] = new JsonObject { ["id"] = $"29:{person}", ["name"] = name, ["aadObjectId"] = person };
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = DataOf(card, action["data"]!, inputs) }, ["trigger"] = "manual" };
        });
        using var response = await PostAsync(activity);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
    }

    /// <summary>Presses the button's Action.Submit fallback: a message carrying its data; returns the card the pressed one was updated to.</summary>
    private async Task<JsonNode> SubmitAsync(JsonNode card, string verb, string person, string name, Action<JsonObject>? inputs = null)
    {
        var fallback = card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == verb)!["fallback"]!;
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        var before = Connector.Calls.Count;
        using var response = await PostAsync(Activity("02-message-channel-mention.json", a =>
        {
            a.Remove("text");
            a.Remove("entities");
            a["replyToId"] = PressedCardId;
            a["from"] = new JsonObject { ["id"] = $"29:{person}", ["name"] = name, ["aadObjectId"] = person };
            a["value"] = DataOf(card, fallback["data"]!, inputs);
        }));
        response.EnsureSuccessStatusCode();
        var update = Connector.Calls.Skip(before).Last(c => c.Method == "PUT");
        Assert.EndsWith($"/activities/{PressedCardId}", update.Path, StringComparison.Ordinal);
        var body = JsonNode.Parse(update.Body)!;
        return JsonNode.Parse(body["attachments"]![0]!["content"]!.ToJsonString())!;
    }

    private static string ReminderIdOf(JsonNode card) => (string)card["actions"]![0]!["data"]!["reminderId"]!;
}
