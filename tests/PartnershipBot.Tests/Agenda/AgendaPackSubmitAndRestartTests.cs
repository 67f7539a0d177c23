using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Tests.Declarations;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Agenda;

/// <summary>
/// Issue 20 item 3, the proofs AgendaPackTests leaves out: the secretariat's "Hold" and "Send now" work from a client
/// without Universal Actions (the Action.Submit fallback, answered by updating the pressed card), and the pack due at
/// the circulation deadline is posted once although the host restarts around it on the same SQLite store.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class AgendaPackSubmitAndRestartTests : DeclarationTest
{
    private const string PressedCardId = "1700000000123";

    [Fact]
    public async Task Hold_and_send_now_pressed_as_action_submit_hold_then_post_the_pack_once()
    {
        var card = await ControlCardAsync();
        await SubmitAsync(card, PackCards.HoldVerb);
        Assert.Contains("Held: it will not go out", LastUpdateText(), StringComparison.Ordinal);

        Time.Advance(TimeSpan.FromDays(5)); // past Friday 5 March, 17:00: a held pack stays where it is
        var dispatcher = Host.Services.GetRequiredService<ReminderDispatcher>();
        Assert.Equal(0, await dispatcher.DispatchDueAsync("one", CancellationToken.None));

        var held = await ControlCardAsync();
        await SubmitAsync(held, PackCards.SendNowVerb);
        Assert.Contains("Sending now", LastUpdateText(), StringComparison.Ordinal);
        await SubmitAsync(held, PackCards.SendNowVerb); // an older client's double click
        await dispatcher.DispatchDueAsync("one", CancellationToken.None);
        await SentAsync();
        Assert.Equal(0, await dispatcher.DispatchDueAsync("two", CancellationToken.None));

        Assert.Single(PackPosts());
        Assert.Equal("sent", Assert.Single(await QueuedAsync(AgendaPackSchedule.ReminderKind)).State);
    }

    [Fact]
    public async Task The_pack_due_at_the_deadline_is_posted_once_across_restarts()
    {
        await SayInChannelAsync("add 'Hate crime update' to the agenda for the 12 March meeting, paper from Ben Okoro");
        await Connector.WaitForActivitiesAsync(2);
        Assert.Equal("pending", Assert.Single(await QueuedAsync(AgendaPackSchedule.ReminderKind)).State);

        // Queued by the first host; the second finds it in the same store file when the deadline comes.
        await RestartHostAsync();
        Time.Advance(TimeSpan.FromDays(4) + TimeSpan.FromHours(8)); // Friday 5 March, 17:00
        // The host's own loop wakes when the clock moves and may be the one to post it; either way, once.
        await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("second", CancellationToken.None);
        await SentAsync();

        // A third host asked for the pack again (which queues it if missing) and dispatching finds nothing to post.
        await RestartHostAsync();
        var control = await ControlCardAsync();
        Assert.Contains("Posted to the board", TextOf(control), StringComparison.Ordinal);
        Assert.Equal(0, await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("third", CancellationToken.None));

        var post = Assert.Single(PackPosts());
        Assert.Contains("Hate crime update", TextOf(CardOf(post)), StringComparison.Ordinal);
        var row = Assert.Single(await QueuedAsync(AgendaPackSchedule.ReminderKind));
        Assert.Equal(("thurrock/2027-03-12/pack/2027-03-05", "sent"), (row.IdempotencyKey, row.State));
    }

    /// <summary>Waits (up to 10 s) for the pack's row to be sent, by whichever dispatcher took it.</summary>
    private async Task SentAsync()
    {
        for (var i = 0; i < 100 && Assert.Single(await QueuedAsync(AgendaPackSchedule.ReminderKind)).State != "sent"; i++)
        {
            await Task.Delay(100);
        }
    }

    private List<PartnershipBot.Protocol.Schema.Activity> PackPosts() =>
        [.. Connector.SentActivities.Where(a => a.Attachments is { Count: > 0 } && TextOf(CardOf(a)).Contains("Agenda and papers", StringComparison.Ordinal))];

    /// <summary>Presses the button's Action.Submit fallback as Teams sends it: a message with the fallback's data as its value.</summary>
    private async Task SubmitAsync(JsonNode card, string verb)
    {
        var execute = card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == verb)!;
        var fallback = execute["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        var before = Connector.Calls.Count;
        using var response = await PostAsync(Activity("02-message-channel-mention.json", a =>
        {
            a.Remove("text");
            a.Remove("entities");
            a["replyToId"] = PressedCardId;
            a["value"] = fallback["data"]!.DeepClone();
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

    private async Task<JsonNode> ControlCardAsync()
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync("agenda pack");
        var sent = await Connector.WaitForActivitiesAsync(before + 1);
        return CardOf(sent.Skip(before).Last(a => a.Attachments is { Count: > 0 }));
    }
}
