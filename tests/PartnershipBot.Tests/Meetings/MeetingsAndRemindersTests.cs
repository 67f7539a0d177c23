using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Meetings;

/// <summary>
/// From the ToR cadence to a reminder card in the board's channel: meetings scheduled in chat, "when is the
/// next meeting?", and the paper reminder sent once through the (loopback) Connector when it falls due.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class MeetingsAndRemindersTests : ChatTest
{
    private const string Board = "Richmond Community Safety Partnership Strategy Group";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Reminders:PollInterval"] = "1.00:00:00" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SayAsync($"link this to {Board}");
        await Connector.WaitForActivitiesAsync(1);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);

    [Fact]
    public async Task Scheduling_follows_the_ToR_and_next_meeting_answers_from_the_schedule()
    {
        var booked = await ScheduleAndBookAsync(2);
        await SayAsync("when is the next meeting?");
        await SayAsync("what's due?");

        var replies = await Connector.WaitForActivitiesAsync(4);
        Assert.Contains("- Papers for Tuesday 8 December 2026: **Thursday 3 December 2026** (3 working days before the meeting)", replies[3].Text, StringComparison.Ordinal);
        Assert.Contains("- Minutes for Tuesday 8 December 2026: **Tuesday 22 December 2026** (10 working days after the meeting)", replies[3].Text, StringComparison.Ordinal);
        Assert.Contains("The Strategy Group will meet 10 times per year.", booked, StringComparison.Ordinal);
        Assert.Contains("Booked 2 meeting(s)", booked, StringComparison.Ordinal);
        Assert.Contains("Tuesday 8 December 2026, 10:00–12:00", booked, StringComparison.Ordinal);
        Assert.Contains("Thursday 3 December 2026 (3 working days before the meeting)", booked, StringComparison.Ordinal);
        Assert.Contains("Outlook booking through Microsoft Graph is not configured", booked, StringComparison.Ordinal);
        Assert.Contains("Tuesday 8 December 2026, 10:00–12:00 (UK time)", replies[2].Text, StringComparison.Ordinal);
        Assert.Contains("Papers are due by **Thursday 3 December 2026**", replies[2].Text, StringComparison.Ordinal);
        // The booking card explains Outlook is not connected; the answers after it just name the calendar.
        Assert.Contains("_From the bot's own calendar._", replies[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not configured", replies[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chair_can_state_the_weekday_week_and_time_the_board_prefers()
    {
        await SayAsync("schedule the next 2 meetings on the first Thursday at 14:00");

        var card = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);
        var inputs = card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null).ToDictionary(e => (string)e["id"]!, e => (string?)e["value"]);
        Assert.Equal(("2026-12-03", "14:00"), (inputs["date0"], inputs["time0"]));
        Assert.Equal(("2027-01-07", "14:00"), (inputs["date1"], inputs["time1"]));
    }

    [Fact]
    public async Task A_board_in_Scotland_counts_Scottish_bank_holidays()
    {
        await ScheduleAndBookAsync(1);

        await SayAsync("this board is in Scotland");
        await SayAsync("move the 8 December meeting to 1 April 2027");

        // Thursday 1 April 2027, papers 3 working days before: Easter Monday (29 March) is a working day in Scotland,
        // so the deadline is that Monday, where England and Wales would skip back over Good Friday to Thursday 25 March.
        var replies = await Connector.WaitForActivitiesAsync(4);
        Assert.Contains("now counts working days with Scotland's bank holidays", replies[2].Text, StringComparison.Ordinal);
        Assert.Contains("papers due Monday 29 March 2027", replies[3].Text, StringComparison.Ordinal);
        var audit = await Host.Services.GetRequiredService<Features.Boards.IBoardDirectory>().AuditAsync(CancellationToken.None);
        Assert.Contains(audit, a => a.Action.Name == "board.nation" && a.DetailJson!.Contains("scotland", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_proposal_with_a_date_on_a_bank_holiday_comes_back_saying_what_to_fix_and_nothing_is_booked()
    {
        await SayAsync("schedule the next 2 meetings");
        var card = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);

        var (_, body) = await PressAsync(card, MeetingCards.BookVerb, inputs => inputs["date1"] = "2026-12-28");

        Assert.Contains("Meeting 2 is on Monday 28 December 2026, a weekend or bank holiday", TextOf(JsonNode.Parse(body.GetProperty("value").GetRawText())), StringComparison.Ordinal);
        Assert.Empty(await Host.Services.GetRequiredService<IMeetingStore>().UpcomingAsync(Board, time.GetUtcNow(), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Moving_a_meeting_says_whose_apologies_carry_to_the_new_date()
    {
        await ScheduleAndBookAsync(1);
        var meeting = (await Host.Services.GetRequiredService<IMeetingStore>().UpcomingAsync(Board, time.GetUtcNow(), 1, CancellationToken.None))[0];
        await Host.Services.GetRequiredService<IMeetingApologies>().RecordAsync(new MeetingApology(meeting.MeetingId, Board, "aad-jane", "Jane Smith", time.GetUtcNow()), CancellationToken.None);

        await SayAsync("move the 8 December meeting to 15 December");

        var reply = (await Connector.WaitForActivitiesAsync(3))[2].Text;
        Assert.Contains("Apologies sent for the old date still stand for the new one (Jane Smith)", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_moved_in_chat_gets_new_deadlines_and_a_cancelled_one_loses_its_reminders()
    {
        await ScheduleAndBookAsync(2);
        var outbox = Host.Services.GetRequiredService<IReminderOutbox>();

        await SayAsync("move the 8 December meeting to 15 December at 14:00");
        await SayAsync("cancel the meeting on 12 January");

        var replies = await Connector.WaitForActivitiesAsync(4);
        Assert.Contains("to **Tuesday 15 December 2026, 14:00–16:00 (UK time)**", replies[2].Text, StringComparison.Ordinal);
        Assert.Contains("papers due Thursday 10 December 2026", replies[2].Text, StringComparison.Ordinal);
        Assert.Contains("Cancelled the Richmond Community Safety Partnership Strategy Group meeting on Tuesday 12 January 2027", replies[3].Text, StringComparison.Ordinal);
        var due = await outbox.ClaimDueAsync("probe", new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1), 50, CancellationToken.None);
        // Only the moved meeting's two reminders and its agenda pack are left: its old ones and the cancelled meeting's were withdrawn.
        Assert.Equal(["minutes/2026-12-31", "pack/2026-12-10", "papers/2026-12-10"], due.Select(r => r.IdempotencyKey[(r.IdempotencyKey.IndexOf("Z/", StringComparison.Ordinal) + 2)..]).Order());
    }

    [Fact]
    public async Task A_paper_reminder_is_sent_once_when_due_and_its_button_is_acknowledged()
    {
        await ScheduleAndBookAsync(1);
        var dispatcher = Host.Services.GetRequiredService<ReminderDispatcher>();

        Assert.Equal(0, await dispatcher.DispatchDueAsync("test", CancellationToken.None));
        // Papers are due Thursday 3 December; the reminder goes two working days earlier at 09:00 London.
        // Moving the clock also wakes the host's own dispatch loop: between it and this call the reminder is sent once.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 1, 0, TimeSpan.Zero));
        await dispatcher.DispatchDueAsync("test", CancellationToken.None);
        var reminder = (await Connector.WaitForActivitiesAsync(3))[2];
        Assert.Equal(0, await dispatcher.DispatchDueAsync("test", CancellationToken.None));
        await Task.Delay(200);

        var card = reminder.Attachments!.Single().Content!.Value.GetRawText();
        Assert.Contains("Papers due", card, StringComparison.Ordinal);
        Assert.Contains("Thursday 3 December 2026", card, StringComparison.Ordinal);
        Assert.Equal(3, Connector.SentActivities.Count);

        var data = JsonNode.Parse(card)!["actions"]![0]!["data"]!.AsObject();
        var activity = Activity("08-invoke-adaptivecard-action-execute.json", a =>
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = ReminderCards.DoneVerb, ["data"] = data.DeepClone() } });
        using var response = await PostAsync(activity);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("Paper submitted", body.GetProperty("value").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_to_a_conversation_that_blocked_the_bot_is_recorded_and_not_retried()
    {
        await ScheduleAndBookAsync(1);
        var dispatcher = Host.Services.GetRequiredService<ReminderDispatcher>();
        var outbox = Host.Services.GetRequiredService<IReminderOutbox>();
        Connector.FailNext(403, body: "{\"error\":{\"code\":\"MessageWritesBlocked\",\"message\":\"blocked\"}}");

        time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 1, 0, TimeSpan.Zero));
        await dispatcher.DispatchDueAsync("test", CancellationToken.None);
        await Task.Delay(300);
        time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 1, 0, TimeSpan.Zero));
        await dispatcher.DispatchDueAsync("test", CancellationToken.None);

        // Two replies in chat, one delivery attempt refused with 403 and never repeated, and one digest: with no
        // secretariat recorded it goes to the board's conversation.
        Assert.Equal(4, Connector.SentActivities.Count);
        var digest = TextOf(CardOf(Connector.SentActivities[3]));
        Assert.Contains("Reminders not delivered: Richmond Community Safety Partnership Strategy Group", digest, StringComparison.Ordinal);
        Assert.Contains("papers reminder: they have blocked or removed the bot", digest, StringComparison.Ordinal);
        var claimed = await outbox.ClaimDueAsync("probe", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1), 10, CancellationToken.None);
        Assert.DoesNotContain(claimed, r => r.Kind == "papers");
    }

    [Fact]
    public async Task The_venue_typed_on_the_booking_card_is_kept_without_Outlook_and_shown_on_the_booked_card_and_the_next_meeting_answer()
    {
        var booked = await ScheduleAndBookAsync(1, venue: "  Civic Centre, Committee *Room* 2 ");
        // Stored with the meeting itself (the only place it lives without Graph), so a restart keeps it.
        var stored = await Host.Services.GetRequiredService<IMeetingStore>().UpcomingAsync(Board, time.GetUtcNow(), 5, CancellationToken.None);
        await SayAsync("when is the next meeting?");

        Assert.Equal("Civic Centre, Committee *Room* 2", Assert.Single(stored).Venue);
        Assert.Contains("Civic Centre, Committee \\*Room\\* 2", booked, StringComparison.Ordinal);
        var answer = (await Connector.WaitForActivitiesAsync(3))[2].Text;
        Assert.Contains("Venue: Civic Centre, Committee \\*Room\\* 2", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_booked_with_no_venue_says_nothing_about_one()
    {
        var booked = await ScheduleAndBookAsync(1);
        await SayAsync("when is the next meeting?");

        Assert.DoesNotContain("Where", booked, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await Host.Services.GetRequiredService<IMeetingStore>().UpcomingAsync(Board, time.GetUtcNow(), 5, CancellationToken.None)).Venue);
        Assert.DoesNotContain("Venue:", (await Connector.WaitForActivitiesAsync(3))[2].Text, StringComparison.Ordinal);
    }

    private Task SayAsync(string text) => SayInChannelAsync(text);

    /// <summary>
    /// Asks for a schedule and presses "Book these meetings" on the proposal card (with <paramref name="venue"/> typed
    /// in its venue box); returns the proposal's and the booked card's text.
    /// </summary>
    private async Task<string> ScheduleAndBookAsync(int count, string? venue = null)
    {
        await SayAsync($"schedule the next {count} meetings");
        var proposal = CardOf((await Connector.WaitForActivitiesAsync(2))[1]);
        var (status, body) = await PressAsync(proposal, MeetingCards.BookVerb, inputs =>
        {
            if (venue is not null)
            {
                inputs["venue"] = venue;
            }
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        return TextOf(proposal) + "\n" + TextOf(JsonNode.Parse(body.GetProperty("value").GetRawText()));
    }
}
