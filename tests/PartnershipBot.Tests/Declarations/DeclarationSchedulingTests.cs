using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Declarations;

/// <summary>
/// Financial decisions on the agenda through /api/messages: each member's card queued in the durable outbox for
/// the right UK working day, sent again on "open declarations", chased only to those outstanding, and rendered by
/// the dispatcher through the declaration card source.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class DeclarationSchedulingTests : DeclarationTest
{
    [Fact]
    public async Task Adding_a_financial_decision_queues_each_members_card_two_working_days_before_the_meeting_once()
    {
        await AddMembersAsync(3);

        var item = await AddItemAsync();
        await SayInChannelAsync($"add \"{Item}\" as a financial decision to the 12th March 2027 meeting");

        var replies = await Connector.WaitForActivitiesAsync(3);
        Assert.Contains("Added “Allocate the Safer Communities Fund” to the Friday 12 March 2027 meeting", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("go to 3 members in their chats with me on Wednesday 10 March 2027 at 09:00 (UK time)", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("is already a financial decision", replies[2].Text, StringComparison.Ordinal);
        Assert.Equal("thurrock/2027-03-12", item.MeetingId);
        var queued = await QueuedAsync(DeclarationScheduler.ReminderKind);
        Assert.Equal(["member-1", "member-2", "member-3"], queued.Select(q => q.Recipient));
        Assert.All(queued, q => Assert.Equal("2027-03-10T09:00:00.0000000+00:00", q.DueAt));
        Assert.Equal($"declaration/{item.ItemId}/member-1/ahead-2027-03-12", queued[0].IdempotencyKey);
    }

    [Fact]
    public async Task When_the_meeting_moves_the_cards_follow_it_and_when_it_is_cancelled_they_are_withdrawn()
    {
        await AddMembersAsync(2);
        var item = await AddItemAsync();

        await SayInChannelAsync("move the 12 March meeting to 19 March");
        var afterMove = (await QueuedAsync(DeclarationScheduler.ReminderKind)).Where(q => q.State == "pending").ToList();
        await SayInChannelAsync("cancel the 19 March meeting");
        var afterCancel = (await QueuedAsync(DeclarationScheduler.ReminderKind)).Where(q => q.State == "pending").ToList();

        // Friday 19 March 2027: two working days earlier is Wednesday 17 March.
        Assert.Equal(2, afterMove.Count);
        Assert.All(afterMove, q => Assert.Equal("2027-03-17T09:00:00.0000000+00:00", q.DueAt));
        Assert.All(afterMove, q => Assert.EndsWith("/ahead-2027-03-19", q.IdempotencyKey, StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2027, 3, 19, 10, 0, 0, TimeSpan.Zero), (await Items.FindAsync(item.ItemId, CancellationToken.None))!.MeetingStartsAt);
        Assert.Empty(afterCancel);
    }

    [Fact]
    public async Task The_lead_counts_UK_working_days_so_Easter_moves_the_card_earlier()
    {
        await AddMembersAsync(1);
        // Wednesday 31 March 2027: two working days back skips Easter Monday and Good Friday.
        var easter = new DateTimeOffset(2027, 3, 31, 10, 0, 0, TimeSpan.FromHours(1));
        await Host.Services.GetRequiredService<IMeetingStore>().AddAsync(
            new MeetingRecord("thurrock/2027-03-31", Board, ChannelConversation, easter, easter.AddHours(2)), Time.GetUtcNow(), CancellationToken.None);

        await SayInChannelAsync($"add '{Item}' as a financial decision to the 31 March meeting");

        var reply = (await Connector.WaitForActivitiesAsync(2))[1];
        Assert.Contains("on Thursday 25 March 2027 at 09:00", reply.Text, StringComparison.Ordinal);
        Assert.Equal("2027-03-25T09:00:00.0000000+00:00", Assert.Single(await QueuedAsync(DeclarationScheduler.ReminderKind)).DueAt);
    }

    [Fact]
    public async Task A_date_with_no_meeting_is_refused_and_nothing_is_queued()
    {
        await AddMembersAsync(2);

        await SayInChannelAsync($"add '{Item}' as a financial decision to the 13 March meeting");

        var reply = (await Connector.WaitForActivitiesAsync(2))[1];
        Assert.Contains("I can't find a meeting of the", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await QueuedAsync(DeclarationScheduler.ReminderKind));
    }

    [Fact]
    public async Task Open_declarations_sends_the_scheduled_item_now_to_every_member_and_posts_the_shared_card()
    {
        await AddMembersAsync(2);
        var item = await AddItemAsync();
        Time.SetUtcNow(new DateTimeOffset(2027, 3, 12, 10, 30, 0, TimeSpan.Zero));

        await SayInChannelAsync($"open declarations for '{Item}'");

        // Moving the clock wakes the host's own dispatch loop, whose cards may arrive in between: find the reply by what it says.
        var posted = Connector.SentActivities.Single(a => a.Text?.Contains("Sending the card to 2 members", StringComparison.Ordinal) == true);
        Assert.Contains(item.ItemId, posted.Attachments!.Single().Content!.Value.GetRawText(), StringComparison.Ordinal);
        var now = (await QueuedAsync(DeclarationScheduler.ReminderKind)).Where(q => q.IdempotencyKey.EndsWith("/round-1", StringComparison.Ordinal)).ToList();
        Assert.Equal(["member-1", "member-2"], now.Select(q => q.Recipient));
        Assert.All(now, q => Assert.Equal("2027-03-12T10:30:00.0000000+00:00", q.DueAt));
    }

    [Fact]
    public async Task Chase_resends_only_to_members_still_outstanding_once_per_press()
    {
        await AddMembersAsync(3);
        var item = await AddItemAsync();
        await DeclareAsync(item, "member-2", "none");

        // Each chair's card names its own drawing in the Chase button's press; pressing one card twice is one chase.
        var firstCard = new JsonObject { ["itemId"] = item.ItemId, [CardAction.PressKey] = $"{item.ItemId}/chase/a" };
        var (_, first) = await InvokeAsync(DeclarationCards.ChaseVerb, (JsonObject)firstCard.DeepClone(), "member-1");
        var (_, doubled) = await InvokeAsync(DeclarationCards.ChaseVerb, (JsonObject)firstCard.DeepClone(), "member-1");
        await DeclareAsync(item, "member-1", "pecuniary", "I am a trustee of an applicant");
        await InvokeAsync(DeclarationCards.ChaseVerb, new JsonObject { ["itemId"] = item.ItemId, [CardAction.PressKey] = $"{item.ItemId}/chase/b" }, "member-1");

        Assert.Contains("Chased 2 outstanding: Member 1, Member 3.", CardText(first.GetProperty("value")), StringComparison.Ordinal);
        Assert.Contains("Already chased: Member 1, Member 3.", CardText(doubled.GetProperty("value")), StringComparison.Ordinal);
        var chased = (await QueuedAsync(DeclarationScheduler.ReminderKind)).Where(q => q.IdempotencyKey.Contains("/chase-", StringComparison.Ordinal))
            .Select(q => q.Recipient).Order().ToList();
        Assert.Equal(["member-1", "member-3", "member-3"], chased);
    }

    [Fact]
    public async Task A_due_declaration_card_is_rendered_by_the_declaration_card_source_when_dispatched()
    {
        await AddMembersAsync(2);
        var item = await AddItemAsync();
        var outbox = Host.Services.GetRequiredService<IReminderOutbox>();
        // Addressed to the channel, which the current dispatcher can reach; members' 1:1 delivery is the dispatcher's concern.
        await outbox.EnqueueAsync(new ReminderRecord("r-declaration", "test/declaration", Board, ChannelConversation, DeclarationScheduler.ReminderKind,
            Time.GetUtcNow(), $"{{\"itemId\":\"{item.ItemId}\"}}"), CancellationToken.None);

        await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None);

        var card = JsonNode.Parse((await Connector.WaitForActivitiesAsync(3))[2].Attachments!.Single().Content!.Value.GetRawText())!;
        Assert.Equal("Declaration of interests", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(DeclarationCards.ViewVerb, card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(["29:member-1", "29:member-2"], card["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal(ReminderOutcome.Sent, (await outbox.FindAsync("r-declaration", CancellationToken.None))!.LastOutcome);
    }
}
