using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Tests.Declarations;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Agenda;

/// <summary>
/// Issue 20 item 5, action reminders through /api/messages: an action for an @mentioned owner with a due date queues
/// the owner's reminder in the outbox 2 UK working days before at 17:00; the dispatcher sends the card; "Give an update"
/// and "Mark done" (Action.Execute and the Action.Submit fallback) change it once and withdraw later reminders.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ActionReminderTests : DeclarationTest
{
    [Fact]
    public async Task The_owner_is_reminded_two_working_days_before_at_17_00_and_an_update_withdraws_nothing_twice()
    {
        var reply = await AddActionAsync("circulate the revised strategy by 10 March");

        Assert.Contains("Jane Smith will be reminded before it is due.", reply, StringComparison.Ordinal);
        var row = Assert.Single(await QueuedAsync(ActionReminders.ReminderKind));
        // Wednesday 10 March 2027 less 2 working days: Monday 8 March, 17:00 London (GMT).
        Assert.Equal(("jane", "pending"), (row.Recipient, row.State));
        Assert.Equal(new DateTimeOffset(2027, 3, 8, 17, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(row.DueAt, System.Globalization.CultureInfo.InvariantCulture));

        Time.Advance(new DateTimeOffset(2027, 3, 8, 17, 0, 0, TimeSpan.Zero) - Time.GetUtcNow());
        var before = Connector.SentActivities.Count;
        // The host's own loop wakes when the clock moves and may be the one to send it; either way, once.
        await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None);
        var card = CardOf((await Connector.WaitForActivitiesAsync(before + 1)).Skip(before).Single(a => a.Attachments is { Count: > 0 }));
        Assert.Equal("sent", await SettledStateAsync());
        // Jane had never chatted with the bot: recording the action kept her Teams id, so her 1:1 chat was opened for it.
        Assert.Contains(Connector.Calls, c => c.Path.Contains(Uri.EscapeDataString("a:1on1-29:jane") + "/activities", StringComparison.Ordinal));
        Assert.Contains("Action 1: " + Board, TextOf(card), StringComparison.Ordinal);
        Assert.Contains("Wednesday 10 March 2027", TextOf(card), StringComparison.Ordinal);

        var data = new JsonObject { ["board"] = Board, ["number"] = "1", [ActionCards.UpdateInput] = "draft shared with the police" };
        // The same press twice (a double click): each invoke carries its own copy of the card's data.
        var (_, first) = await InvokeAsync(ActionCards.UpdateVerb, (JsonObject)data.DeepClone(), "jane");
        var (_, second) = await InvokeAsync(ActionCards.UpdateVerb, (JsonObject)data.DeepClone(), "jane");

        Assert.Contains("Update recorded.", CardText(first.GetProperty("value")), StringComparison.Ordinal);
        Assert.Contains("That update is already recorded.", CardText(second.GetProperty("value")), StringComparison.Ordinal);
        Assert.Equal("draft shared with the police", Assert.Single(await Log.ListAsync(Board, openOnly: true, CancellationToken.None)).LastUpdate);
    }

    [Fact]
    public async Task Mark_done_pressed_both_ways_closes_the_action_once_and_withdraws_the_reminder_still_to_come()
    {
        await AddActionAsync("book the venue by 26 March");
        Assert.Equal("pending", Assert.Single(await QueuedAsync(ActionReminders.ReminderKind)).State);
        var data = new JsonObject { ["board"] = Board, ["number"] = "1" };

        var (_, done) = await InvokeAsync(ActionCards.DoneVerb, data, "jane");
        var answered = Connector.Calls.Count;
        data[Protocol.Cards.AdaptiveCard.SubmitVerbKey] = ActionCards.DoneVerb;
        using (var response = await PostAsync(Activity("02-message-channel-mention.json", a =>
        {
            a.Remove("text");
            a.Remove("entities");
            a["from"]!["aadObjectId"] = "jane";
            a["replyToId"] = "1700000000789";
            a["value"] = data.DeepClone();
        })))
        {
            response.EnsureSuccessStatusCode();
        }

        Assert.Contains("Marked done. No more reminders will be sent.", CardText(done.GetProperty("value")), StringComparison.Ordinal);
        Assert.True(Connector.Calls.Count > answered, "the Submit got no visible answer");
        Assert.Contains("Already marked done.", Connector.Calls.Last().Body, StringComparison.Ordinal);
        Assert.Equal("done", (await Log.ListAsync(Board, openOnly: false, CancellationToken.None))[0].Status);
        Assert.Equal("failed", Assert.Single(await QueuedAsync(ActionReminders.ReminderKind)).State); // withdrawn
        Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None));
    }

    [Fact]
    public async Task An_action_without_a_due_date_or_a_known_owner_queues_no_reminder_and_says_nothing_of_one()
    {
        await AddActionAsync("keep the risk log up to date");
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync("action for Ben Okoro: brief the police by 20 March");
        var typed = (await Connector.WaitForActivitiesAsync(before + 1))[^1].Text ?? string.Empty;

        Assert.Empty(await QueuedAsync(ActionReminders.ReminderKind));
        Assert.DoesNotContain("will be reminded", typed, StringComparison.Ordinal);
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task The_action_cards_pass_the_schema_and_the_renderer()
    {
        await AddActionAsync("circulate the revised strategy by 10 March");
        var source = Host.Services.GetServices<IReminderCardSource>().Single(s => s.Kind == ActionReminders.ReminderKind);
        var queued = Assert.Single(await QueuedAsync(ActionReminders.ReminderKind));
        var record = await Host.Services.GetRequiredService<IReminderOutbox>().FindByKeyAsync(queued.IdempotencyKey, CancellationToken.None);
        var open = await source.RenderAsync(record!, CancellationToken.None);
        var (_, done) = await InvokeAsync(ActionCards.DoneVerb, new JsonObject { ["board"] = Board, ["number"] = "1" }, "jane");

        await CardContracts.AssertValidAsync(
            ("reminder", JsonNode.Parse(open.ToJson().ToJsonString())!), ("done", JsonNode.Parse(done.GetProperty("value").GetRawText())!),
            ("unavailable", JsonNode.Parse(ActionCards.Unavailable().ToJson().ToJsonString())!));
    }

    /// <summary>
    /// The reminder's state once its send is recorded: the host's loop may be the one sending it, and the card reaches
    /// the Connector a moment before the outcome is written, so "claimed" is waited out (bounded), never accepted.
    /// </summary>
    private async Task<string> SettledStateAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string state;
        while ((state = Assert.Single(await QueuedAsync(ActionReminders.ReminderKind)).State) == "claimed" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return state;
    }

    private IActionLog Log => Host.Services.GetRequiredService<IActionLog>();

    /// <summary>"action for @Jane Smith: …" with the mention Teams sends, Jane in the conversation's roster.</summary>
    private async Task<string> AddActionAsync(string what)
    {
        Connector.Roster.Add(new ChannelAccount { Id = "29:jane", Name = "Jane Smith", AadObjectId = "jane" });
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync($"action for <at>Jane Smith</at>: {what}", a => a["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Jane Smith</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:jane", ["name"] = "Jane Smith" },
        }));
        return (await Connector.WaitForActivitiesAsync(before + 1))[^1].Text ?? string.Empty;
    }
}
