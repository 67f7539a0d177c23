using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Tests.Declarations;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Agenda;

/// <summary>
/// The agenda pack is queued in the real SQLite outbox for the circulation deadline (Thurrock's
/// ToR sets none, so five working days: Friday 5 March 2027 at 17:00 for Friday 12 March), posted in the board's
/// channel once even by two dispatchers at the same time, and held or sent early from the secretariat's card.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class AgendaPackTests : DeclarationTest
{
    [Fact]
    public async Task The_pack_is_queued_once_for_the_deadline_and_two_dispatchers_post_it_once()
    {
        await SayInChannelAsync("add 'Hate crime update' to the agenda for the 12 March meeting, paper from Ben Okoro");
        await SayInChannelAsync("add 'Youth diversion bid' to the agenda for the 12 March meeting");
        await Connector.WaitForActivitiesAsync(3);

        var queued = Assert.Single(await QueuedAsync(AgendaPackSchedule.ReminderKind));
        Assert.Equal("thurrock/2027-03-12/pack/2027-03-05", queued.IdempotencyKey);
        Assert.Equal("2027-03-05T17:00:00.0000000+00:00", queued.DueAt);

        Time.Advance(TimeSpan.FromDays(4) + TimeSpan.FromHours(8)); // Friday 5 March, 17:00
        var dispatcher = Host.Services.GetRequiredService<ReminderDispatcher>();
        // The host's own loop may take it when the clock moves; two more dispatchers at once must not post it again.
        await Task.WhenAll(dispatcher.DispatchDueAsync("one", CancellationToken.None), dispatcher.DispatchDueAsync("two", CancellationToken.None));

        await SentAsync();
        var post = Assert.Single(Connector.SentActivities, a => a.Attachments is { Count: > 0 } && TextOf(CardOf(a)).Contains("Agenda and papers", StringComparison.Ordinal));
        Assert.Contains("Papers still to come: Hate crime update (Ben Okoro)", TextOf(CardOf(post)), StringComparison.Ordinal);
        // The posted pack (AgendaPackCardSource), the secretariat's card and the gone-meeting answer meet the schema.
        await Support.CardContracts.AssertValidAsync(("pack", CardOf(post)), ("control", await ControlCardAsync()),
            ("unavailable", System.Text.Json.Nodes.JsonNode.Parse(PackCards.Unavailable().ToJson().ToJsonString())!));
        Assert.Equal(0, await dispatcher.DispatchDueAsync("three", CancellationToken.None));
    }

    [Fact]
    public async Task Hold_stops_the_pack_and_send_now_pressed_twice_both_ways_posts_it_once()
    {
        var card = await ControlCardAsync();
        await PressAsync(card, PackCards.HoldVerb);
        Time.Advance(TimeSpan.FromDays(5));
        var dispatcher = Host.Services.GetRequiredService<ReminderDispatcher>();
        Assert.Equal(0, await dispatcher.DispatchDueAsync("one", CancellationToken.None));

        var held = await ControlCardAsync();
        Assert.Contains("Held", TextOf(held), StringComparison.Ordinal);
        var (_, first) = await PressAsync(held, PackCards.SendNowVerb);
        await PressAsync(held, PackCards.SendNowVerb); // a double click: the row is already due now, so nothing more is queued
        await dispatcher.DispatchDueAsync("one", CancellationToken.None);
        await SentAsync();
        var (_, afterSend) = await PressAsync(held, PackCards.SendNowVerb);

        Assert.True(first.GetRawText().Contains("Sending now", StringComparison.Ordinal), first.GetRawText());
        Assert.Single(Connector.SentActivities, a => a.Attachments is { Count: > 0 } && TextOf(CardOf(a)).Contains("Agenda and papers", StringComparison.Ordinal));
        Assert.Contains("already gone", afterSend.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("sent", Assert.Single(await QueuedAsync(AgendaPackSchedule.ReminderKind)).State);
    }

    /// <summary>Waits (up to 10 s) for the pack's row to be sent: the host's own loop may be the one sending it.</summary>
    private async Task SentAsync()
    {
        for (var i = 0; i < 100 && Assert.Single(await QueuedAsync(AgendaPackSchedule.ReminderKind)).State != "sent"; i++)
        {
            await Task.Delay(100);
        }
    }

    private async Task<JsonNode> ControlCardAsync()
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync("agenda pack");
        var sent = await Connector.WaitForActivitiesAsync(before + 1);
        return CardOf(sent.Skip(before).Last(a => a.Attachments is { Count: > 0 }));
    }
}
