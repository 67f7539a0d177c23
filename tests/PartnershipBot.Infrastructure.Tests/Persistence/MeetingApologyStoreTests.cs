using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>Apologies and reminder-card responses on both engines: the first record wins, even under concurrency.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class MeetingApologyStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 1, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_apology_is_kept_once_per_person_and_meeting_and_the_first_one_wins(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new MeetingApologyStore(test.Factory());
        var second = new MeetingApologyStore(test.Factory());

        var recorded = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            (i % 2 == 0 ? store : second).RecordAsync(new MeetingApology("m1", "Safer Board", "jane", "Jane", Now.AddMinutes(i)), CancellationToken.None)));
        await store.RecordAsync(new MeetingApology("m1", "Safer Board", "ben", null, Now.AddHours(1)), CancellationToken.None);
        await store.RecordAsync(new MeetingApology("m2", "Safer Board", "jane", "Jane", Now), CancellationToken.None);

        Assert.Single(recorded, r => r);
        var m1 = await store.ForMeetingAsync("m1", CancellationToken.None);
        Assert.Equal(["jane", "ben"], m1.Select(a => a.PersonId));
        Assert.Null(m1[1].PersonName);
        Assert.Single(await store.ForMeetingAsync("m2", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_response_is_kept_once_and_snoozes_differ_by_the_day_they_come_back(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new ReminderResponseStore(test.Factory());

        Assert.True(await store.RecordAsync(new ReminderResponse("r1", "jane", "Jane", ReminderAction.Done, Now), CancellationToken.None));
        Assert.False(await store.RecordAsync(new ReminderResponse("r1", "jane", "Jane", ReminderAction.Done, Now.AddMinutes(5)), CancellationToken.None));
        Assert.True(await store.RecordAsync(new ReminderResponse("r1", "jane", "Jane", ReminderAction.Snoozed, Now, "2026-12-02"), CancellationToken.None));
        Assert.True(await store.RecordAsync(new ReminderResponse("r1", "jane", "Jane", ReminderAction.Snoozed, Now.AddDays(1), "2026-12-03"), CancellationToken.None));
        await store.RecordAsync(new ReminderResponse("r1", "ben", null, ReminderAction.Apologies, Now), CancellationToken.None);

        var janes = await store.OfPersonAsync("r1", "jane", CancellationToken.None);
        Assert.Equal([(ReminderAction.Done, null), (ReminderAction.Snoozed, "2026-12-02"), (ReminderAction.Snoozed, "2026-12-03")], janes.Select(r => (r.Action, r.Detail)));
        Assert.Equal(Now, janes[0].At);
        Assert.Equal(ReminderAction.Apologies, Assert.Single(await store.OfPersonAsync("r1", "ben", CancellationToken.None)).Action);
    }
}
