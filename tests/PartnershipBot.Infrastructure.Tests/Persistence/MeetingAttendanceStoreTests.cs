using PartnershipBot.Features.Meetings.Attendance;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>Meeting attendance on both engines: a mark is kept once, a Record replaces its page's presence, and the same press records once even when two instances race.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class MeetingAttendanceStoreTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 12, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_mark_is_kept_once_and_a_record_replaces_only_the_people_it_covers(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new MeetingAttendanceStore(test.Factory());

        Assert.True(await store.MarkPresentAsync("m1", "Safer Board", new Attendee("jane", "Jane", AttendanceSource.Self), "jane", Now, CancellationToken.None));
        Assert.False(await store.MarkPresentAsync("m1", "Safer Board", new Attendee("jane", "Jane", AttendanceSource.Self), "jane", Now.AddMinutes(1), CancellationToken.None));
        await store.MarkPresentAsync("m1", "Safer Board", new Attendee("omar", "Omar", AttendanceSource.Self), "omar", Now.AddMinutes(2), CancellationToken.None);
        Assert.Null((await store.ForMeetingAsync("m1", CancellationToken.None)).Quorum);

        // The card covered Jane and Ben (Omar is on another page): Jane is unticked, Ben ticked, Omar untouched.
        var recorded = await store.RecordAsync(
            "m1", "Safer Board", ["jane", "ben"], [new Attendee("ben", "Ben", AttendanceSource.Card)], present => new RecordedQuorum(present.Count, 5, 3, present.Count >= 3, "three members"),
            "chair", "press-1", Now.AddMinutes(5), CancellationToken.None);

        var record = await store.ForMeetingAsync("m1", CancellationToken.None);
        Assert.True(recorded);
        Assert.Equal(["omar", "ben"], record.Present.Select(a => a.PersonId));
        Assert.Equal(new RecordedQuorum(2, 5, 3, false, "three members"), record.Quorum);
        Assert.Equal(("chair", Now.AddMinutes(5)), (record.RecordedBy, record.RecordedAt!.Value));
        Assert.Empty((await store.ForMeetingAsync("m2", CancellationToken.None)).Present);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_same_press_from_two_instances_records_once(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var stores = new[] { new MeetingAttendanceStore(test.Factory()), new MeetingAttendanceStore(test.Factory()) };
        var calls = 0;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => stores[i % 2].RecordAsync(
            "m1", "Safer Board", ["jane"], [new Attendee("jane", "Jane", AttendanceSource.Card)],
            present => { Interlocked.Increment(ref calls); return new RecordedQuorum(present.Count, 1, null, null, null); },
            "chair", "same-press", Now, CancellationToken.None)));
        var other = await stores[0].RecordAsync("m1", "Safer Board", ["jane"], [], present => new RecordedQuorum(present.Count, 1, null, null, null), "chair", "next-press", Now, CancellationToken.None);

        Assert.Single(results, r => r);
        Assert.Equal(1, calls);
        Assert.True(other);
        var record = await stores[1].ForMeetingAsync("m1", CancellationToken.None);
        Assert.Empty(record.Present);
        Assert.Equal(new RecordedQuorum(0, 1, null, null, null), record.Quorum);
    }
}
