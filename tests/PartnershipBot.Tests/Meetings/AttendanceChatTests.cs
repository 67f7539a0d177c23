using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Meetings.Attendance;
using PartnershipBot.Tests.Declarations;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Meetings;

/// <summary>
/// Issue 20 item 4 through /api/messages: "who's here?" on the meeting day posts a card of the voting members less
/// apologies; members press "I'm here", the chair ticks and presses Record (Action.Execute or its Action.Submit
/// fallback), the same press twice records once, and the quorum under the ToR's rule is stored with the attendance.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class AttendanceChatTests : DeclarationTest
{
    private const string MeetingId = "thurrock/2027-03-12";
    private const string PressedCardId = "1700000000456";

    private IMeetingAttendance Attendance => Host.Services.GetRequiredService<IMeetingAttendance>();

    [Fact]
    public async Task On_a_day_without_a_meeting_the_bot_says_so_and_posts_no_card()
    {
        await AddMembersAsync(2);

        var reply = await SayAsync("who's here?");

        Assert.Contains("has no meeting today (Monday 1 March 2027)", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public async Task Members_mark_themselves_the_chair_records_once_and_the_quorum_is_stored()
    {
        await AddMembersAsync(4);
        OnTheDay();
        await Host.Services.GetRequiredService<IMeetingApologies>().RecordAsync(new MeetingApology(MeetingId, Board, "member-4", "Member 4", Time.GetUtcNow()), CancellationToken.None);

        var card = CardOf(await SayAsync("take attendance"));
        var text = TextOf(card);
        Assert.Contains("Who's here? " + Board, text, StringComparison.Ordinal);
        Assert.Equal(["Member 1", "Member 2", "Member 3"], Toggles(card).Select(t => (string)t["title"]!));
        Assert.Contains("Member 4", text, StringComparison.Ordinal); // under Apologies, with no tick box
        Assert.Contains("Not recorded yet", text, StringComparison.Ordinal);

        var (_, here) = await InvokeAsync(AttendanceCards.HereVerb, ActionData(card, AttendanceCards.HereVerb), "member-1");
        var (_, again) = await InvokeAsync(AttendanceCards.HereVerb, ActionData(card, AttendanceCards.HereVerb), "member-1");
        Assert.Contains("Marked Member 1 present", CardText(here.GetProperty("value")), StringComparison.Ordinal);
        Assert.Contains("already marked present", CardText(again.GetProperty("value")), StringComparison.Ordinal);
        var refreshed = JsonNode.Parse(here.GetProperty("value").GetRawText())!;
        Assert.Equal("true", (string?)Toggles(refreshed).Single(t => (string)t["title"]! == "Member 1")["value"]);

        // The chair ticks Member 2 as well and presses Record twice (a double click).
        var first = await PressAsync(refreshed, AttendanceCards.RecordVerb, Tick("member-2"));
        var second = await PressAsync(refreshed, AttendanceCards.RecordVerb, Tick("member-2"));

        var recordedText = CardText(first.Body.GetProperty("value"));
        Assert.Contains("Attendance recorded.", recordedText, StringComparison.Ordinal);
        Assert.Contains("Marked present\nMember 1, Member 2", recordedText, StringComparison.Ordinal);
        Assert.Contains("Already recorded: nothing changed.", CardText(second.Body.GetProperty("value")), StringComparison.Ordinal);
        var record = await Attendance.ForMeetingAsync(MeetingId, CancellationToken.None);
        Assert.Equal(["member-1", "member-2"], record.Present.Select(a => a.PersonId));
        Assert.Equal([AttendanceSource.Self, AttendanceSource.Card], record.Present.Select(a => a.Source));
        var quorum = Assert.IsType<RecordedQuorum>(record.Quorum);
        Assert.Equal((2, 4), (quorum.Present, quorum.Voting));
        Assert.NotNull(quorum.Rule);
        Assert.Equal(quorum.Present >= quorum.Needed, quorum.Quorate);
        Assert.Contains($"Recorded: quorate: {(quorum.Quorate == true ? "yes" : "no")} (2 of 4 voting members present, quorum {quorum.Needed}; rule: {quorum.Rule})", recordedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unticking_on_a_later_record_corrects_the_attendance_and_the_quorum()
    {
        await AddMembersAsync(3);
        OnTheDay();
        var card = CardOf(await SayAsync("who's here?"));

        await PressAsync(card, AttendanceCards.RecordVerb, d => { Tick("member-1")(d); Tick("member-2")(d); Tick("member-3")(d); });
        var all = (await Attendance.ForMeetingAsync(MeetingId, CancellationToken.None)).Quorum!;
        await PressAsync(card, AttendanceCards.RecordVerb, Tick("member-3"));
        var one = await Attendance.ForMeetingAsync(MeetingId, CancellationToken.None);

        Assert.Equal(3, all.Present);
        Assert.Equal(["member-3"], one.Present.Select(a => a.PersonId));
        Assert.Equal(1, one.Quorum!.Present);
        Assert.True(all.Quorate);
        Assert.Equal(one.Quorum.Needed <= 1, one.Quorum.Quorate);
    }

    [Fact]
    public async Task Record_pressed_as_action_submit_twice_records_once_and_updates_the_pressed_card()
    {
        await AddMembersAsync(2);
        OnTheDay();
        var card = CardOf(await SayAsync("who's here?"));

        await SubmitAsync(card, AttendanceCards.RecordVerb, Tick("member-2"));
        var firstUpdate = LastUpdateText();
        await SubmitAsync(card, AttendanceCards.RecordVerb, Tick("member-2"));

        Assert.Contains("Attendance recorded.", firstUpdate, StringComparison.Ordinal);
        Assert.Contains("Already recorded: nothing changed.", LastUpdateText(), StringComparison.Ordinal);
        Assert.Equal(["member-2"], (await Attendance.ForMeetingAsync(MeetingId, CancellationToken.None)).Present.Select(a => a.PersonId));
    }

    [Fact]
    public async Task A_tick_for_someone_not_on_the_card_is_ignored()
    {
        await AddMembersAsync(2);
        OnTheDay();
        var card = CardOf(await SayAsync("who's here?"));

        await PressAsync(card, AttendanceCards.RecordVerb, d => { Tick("member-1")(d); Tick("someone-else")(d); });

        Assert.Equal(["member-1"], (await Attendance.ForMeetingAsync(MeetingId, CancellationToken.None)).Present.Select(a => a.PersonId));
    }

    [Fact]
    public async Task A_large_board_gets_several_cards_each_under_28_KB_and_each_records_its_own_members()
    {
        await AddMembersAsync(95);
        OnTheDay();
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync("who's here?");
        var cards = (await Connector.WaitForActivitiesAsync(before + 3)).Skip(before).Select(CardOf).ToList();

        Assert.Equal(3, cards.Count);
        Assert.All(cards, c => Assert.True(c.ToJsonString().Length < 28 * 1024, $"card of {c.ToJsonString().Length} bytes"));
        Assert.Equal(95, cards.Sum(c => Toggles(c).Count));
        Assert.Contains("(card 3 of 3)", TextOf(cards[2]), StringComparison.Ordinal);

        var last = Toggles(cards[2]).Select(t => ((string)t["id"]!)[AttendanceCards.PresentPrefix.Length..]).ToList();
        await PressAsync(cards[0], AttendanceCards.RecordVerb, d => { foreach (var t in Toggles(cards[0])) { d[(string)t["id"]!] = "true"; } });
        await PressAsync(cards[2], AttendanceCards.RecordVerb, d => { foreach (var id in last) { d[AttendanceCards.PresentPrefix + id] = "true"; } });
        var record = await Attendance.ForMeetingAsync(MeetingId, CancellationToken.None);

        Assert.Equal(AttendanceCards.PageSize + last.Count, record.Present.Count);
        Assert.Equal((AttendanceCards.PageSize + last.Count, 95), (record.Quorum!.Present, record.Quorum.Voting));
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task The_attendance_cards_pass_the_schema_and_the_renderer()
    {
        await AddMembersAsync(3);
        OnTheDay();
        var card = CardOf(await SayAsync("who's here?"));
        var recorded = await PressAsync(card, AttendanceCards.RecordVerb, Tick("member-1"));

        await CardContracts.AssertValidAsync(
            ("attendance", card), ("recorded", JsonNode.Parse(recorded.Body.GetProperty("value").GetRawText())!),
            ("unavailable", JsonNode.Parse(AttendanceCards.Unavailable().ToJson().ToJsonString())!));
    }

    private void OnTheDay() => Time.Advance(new DateTimeOffset(2027, 3, 12, 9, 30, 0, TimeSpan.Zero) - Time.GetUtcNow());

    private async Task<PartnershipBot.Protocol.Schema.Activity> SayAsync(string text)
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync(text);
        return (await Connector.WaitForActivitiesAsync(before + 1))[^1];
    }

    private static List<JsonObject> Toggles(JsonNode card) =>
        [.. card["body"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["type"] == "Input.Toggle")];

    private static Action<JsonObject> Tick(string person) => data => data[AttendanceCards.PresentPrefix + person] = "true";

    private static JsonObject ActionData(JsonNode card, string verb) =>
        (JsonObject)card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == verb)!["data"]!.DeepClone();

    /// <summary>Presses the Action.Submit fallback as Teams sends it: a message whose value is the fallback's data with the inputs merged in.</summary>
    private async Task SubmitAsync(JsonNode card, string verb, Action<JsonObject> edit)
    {
        var fallback = card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == verb)!["fallback"]!.AsObject();
        var value = (JsonObject)fallback["data"]!.DeepClone();
        foreach (var toggle in Toggles(card))
        {
            value[(string)toggle["id"]!] = (string?)toggle["value"];
        }

        edit(value);
        var before = Connector.Calls.Count;
        using var response = await PostAsync(Activity("02-message-channel-mention.json", a =>
        {
            a.Remove("text");
            a.Remove("entities");
            a["replyToId"] = PressedCardId;
            a["value"] = value;
        }));
        response.EnsureSuccessStatusCode();
        Assert.True(Connector.Calls.Count > before, "the Submit got no visible answer");
    }

    private string LastUpdateText()
    {
        var update = Connector.Calls.Last(c => c.Method == "PUT");
        Assert.EndsWith($"/activities/{PressedCardId}", update.Path, StringComparison.Ordinal);
        return CardText(JsonDocument.Parse(update.Body).RootElement);
    }
}
