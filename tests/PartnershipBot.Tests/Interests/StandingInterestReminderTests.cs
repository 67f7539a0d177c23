using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Interests;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Interests;

/// <summary>
/// Issue 20 item 6's reminders through the durable outbox: members imported into the board are asked for their
/// standing declaration once (importing again, restarting or two dispatchers send nothing more); a save withdraws
/// that request and queues a review <c>Interests:ReviewMonths</c> after it (6 here, bound from configuration), sent
/// once on its day at 09:00 London. On SQLite and the running PostgreSQL.
/// </summary>
public abstract class StandingInterestReminderTests : StandingInterestTest
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Interests:ReviewMonths"] = "6" };

    [Fact]
    public async Task Imported_members_are_asked_once_however_often_they_are_imported_or_dispatched()
    {
        Connector.Roster.Add(new ChannelAccount { Id = "29:jane", Name = "Jane Smith", AadObjectId = "aad-jane", UserRole = "user" });
        Connector.Roster.Add(new ChannelAccount { Id = "29:ben", Name = "Ben Okoro", AadObjectId = "aad-ben", UserRole = "user" });

        await SayInChannelAsync("import all members");
        await SayInChannelAsync("import all members");
        await Connector.WaitForActivitiesAsync(3);
        var queued = await QueuedAsync(StandingInterestReminders.ReminderKind);
        Assert.Equal([$"{StandingInterestReminders.KeyPrefix(Board, "aad-ben")}joined", $"{StandingInterestReminders.KeyPrefix(Board, "aad-jane")}joined"], queued.Select(q => q.IdempotencyKey));

        var dispatcher = Host.Services.GetRequiredService<ReminderDispatcher>();
        await Task.WhenAll(dispatcher.DispatchDueAsync("one", CancellationToken.None), dispatcher.DispatchDueAsync("two", CancellationToken.None));
        await RestartHostAsync();
        var afterRestart = await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("three", CancellationToken.None);

        Assert.Equal(0, afterRestart);
        Assert.All(await QueuedAsync(StandingInterestReminders.ReminderKind), q => Assert.Equal("sent", q.State));
        var asks = Connector.SentActivities.Where(a => a.Attachments is { Count: > 0 } && TextOf(CardOf(a)).Contains("Please make your standing declaration", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, asks.Count);
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task The_request_card_passes_the_schema_and_the_renderer()
    {
        Connector.Roster.Add(new ChannelAccount { Id = "29:jane", Name = "Jane Smith", AadObjectId = "aad-jane", UserRole = "user" });
        await SayInChannelAsync("import all members");
        await Connector.WaitForActivitiesAsync(1);

        await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("one", CancellationToken.None);

        var ask = Assert.Single(Connector.SentActivities, a => a.Attachments is { Count: > 0 } && TextOf(CardOf(a)).Contains("Please make your standing declaration", StringComparison.Ordinal));
        await CardContracts.AssertValidAsync(("standing-interests-request", CardOf(ask)));
    }

    [Fact]
    public async Task A_save_replaces_the_joining_request_with_a_review_sent_once_on_its_day()
    {
        // A member the bot can reach: recorded with their Teams id, as importing them records it.
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        await directory.UpsertPersonAsync(new PersonRecord(Sender, "29:sender", "Sam Sender", null, false), Time.GetUtcNow(), CancellationToken.None);
        await directory.AssignRoleAsync(Board, Sender, BoardRole.Member, "admin", Time.GetUtcNow(), CancellationToken.None);
        var outbox = Host.Services.GetRequiredService<StandingInterestReminders>();
        Assert.True(await outbox.QueueOnJoiningAsync(Board, Sender, CancellationToken.None));
        var card = await MyInterestsCardAsync();

        await SaveAsync(card, Sender, new Dictionary<string, string> { ["employment"] = "Thurrock Council" });
        await SaveAsync(card, Sender, new Dictionary<string, string> { ["employment"] = "Thurrock Council" }); // double press

        var queued = await QueuedAsync(StandingInterestReminders.ReminderKind);
        var prefix = StandingInterestReminders.KeyPrefix(Board, Sender);
        Assert.Equal([($"{prefix}joined", "failed"), ($"{prefix}review-2027-09-01", "pending")], queued.Select(q => (q.IdempotencyKey, q.State)));
        // 1 September 2027 is in British Summer Time: 09:00 London is 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2027, 9, 1, 8, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(queued[1].DueAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(await outbox.QueueOnJoiningAsync(Board, Sender, CancellationToken.None)); // declared already: not asked again

        // The host's own loop wakes when the clock moves and may be the one to send it; either way, once and on its day.
        var dispatcher = Host.Services.GetRequiredService<ReminderDispatcher>();
        Time.Advance(TimeSpan.FromDays(183)); // 31 August
        await dispatcher.DispatchDueAsync("early", CancellationToken.None);
        Assert.Equal("pending", (await QueuedAsync(StandingInterestReminders.ReminderKind))[1].State);
        Time.Advance(TimeSpan.FromDays(1));
        await dispatcher.DispatchDueAsync("due", CancellationToken.None);
        await dispatcher.DispatchDueAsync("again", CancellationToken.None);
        for (var i = 0; i < 100 && (await QueuedAsync(StandingInterestReminders.ReminderKind))[1].State != "sent"; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal("sent", (await QueuedAsync(StandingInterestReminders.ReminderKind))[1].State);
        var review = Assert.Single(Connector.SentActivities, a => a.Attachments is { Count: > 0 } && TextOf(CardOf(a)).Contains("6 months since you last updated", StringComparison.Ordinal));
        Assert.Contains("Thurrock Council", TextOf(CardOf(review)), StringComparison.Ordinal);
    }
}

/// <summary><see cref="StandingInterestReminderTests"/> on SQLite.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class StandingInterestReminderSqliteTests : StandingInterestReminderTests
{
    protected override string Provider => "sqlite";
}

/// <summary><see cref="StandingInterestReminderTests"/> on the running PostgreSQL.</summary>
[Trait(TestTier.Category, TestTier.Postgres)]
public sealed class StandingInterestReminderPostgresTests : StandingInterestReminderTests
{
    protected override string Provider => "postgres";
}
