using Dapper;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>
/// Typed values kept as the strings the database has always held: reminder outcomes in
/// <c>last_outcome</c> and deadline kinds in payload JSON. Each one goes through the real
/// SQLite store and back unchanged, its stored text is its old string, and a string this version doesn't know fails
/// with a message naming it rather than turning into some other value.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class StoredValueTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Monday);

    public static TheoryData<ReminderOutcome> Outcomes => [.. Enum.GetValues<ReminderOutcome>()];

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Each_reminder_outcome_is_stored_as_its_name_and_read_back(ReminderOutcome outcome)
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var outbox = new ReminderOutbox(test.Factory(), time);
        await outbox.EnqueueAsync(new ReminderRecord("r1", "k1", "B", "user-1", "papers", Monday, "{}"), CancellationToken.None);
        await outbox.ClaimDueAsync("w1", Monday, TimeSpan.FromMinutes(5), 10, CancellationToken.None);

        await outbox.CompleteAsync("r1", "w1", ReminderState.Failed, outcome, null, CancellationToken.None);

        Assert.Equal(outcome, (await outbox.FindAsync("r1", CancellationToken.None))!.LastOutcome);
        Assert.Equal(outcome.ToString(), await StoredOutcomeAsync(test));
    }

    [Fact]
    public void The_stored_strings_are_the_ones_earlier_versions_wrote()
    {
        // The strings already in deployed databases (last_outcome) and in queued digests' JSON.
        string[] earlier = ["Sent", "SentLate", "Blocked", "ConversationNotFound", "MessageTooLarge", "FailedAfterRetries", "Failed", "NotReachable", "NoConversationReference", "Held", "Withdrawn"];

        Assert.Equal(earlier, Enum.GetValues<ReminderOutcome>().Select(ReminderOutcomes.Text));
        Assert.All(earlier, text => Assert.Equal(text, ReminderOutcomes.Text(ReminderOutcomes.Parse(text))));
    }

    [Fact]
    public async Task Held_and_withdrawn_rows_carry_their_outcomes()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var outbox = new ReminderOutbox(test.Factory(), time);
        await outbox.EnqueueAsync(new ReminderRecord("r1", "pack/m1", "B", "c1", "agenda-pack", Monday.AddDays(1), "{}"), CancellationToken.None);
        await outbox.EnqueueAsync(new ReminderRecord("r2", "papers/m1/u1", "B", "u1", "papers", Monday.AddDays(1), "{}"), CancellationToken.None);

        Assert.True(await outbox.HoldAsync("pack/m1", CancellationToken.None));
        Assert.Equal(1, await outbox.WithdrawPendingAsync("papers/m1/", CancellationToken.None));

        Assert.Equal(ReminderOutcome.Held, (await outbox.FindAsync("r1", CancellationToken.None))!.LastOutcome);
        Assert.Equal(ReminderOutcome.Withdrawn, (await outbox.FindAsync("r2", CancellationToken.None))!.LastOutcome);
        Assert.True(await outbox.RescheduleAsync("pack/m1", Monday, CancellationToken.None));
    }

    [Theory]
    [InlineData("Teleported")]
    [InlineData("sent")]
    [InlineData("3")]
    public async Task An_outcome_this_version_does_not_know_fails_naming_it(string stored)
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var outbox = new ReminderOutbox(test.Factory(), time);
        await outbox.EnqueueAsync(new ReminderRecord("r1", "k1", "B", "user-1", "papers", Monday, "{}"), CancellationToken.None);
        await using (var connection = await test.Factory().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE reminders SET last_outcome = @stored WHERE reminder_id = 'r1'", new { stored });
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => outbox.FindAsync("r1", CancellationToken.None));
        Assert.Contains($"\"{stored}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DeadlineKind.Papers, "papers")]
    [InlineData(DeadlineKind.Agenda, "agenda")]
    [InlineData(DeadlineKind.Minutes, "minutes")]
    public async Task Each_payload_kind_is_stored_as_its_old_word_and_read_back(DeadlineKind kind, string word)
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var outbox = new ReminderOutbox(test.Factory(), time);
        var payload = ReminderPayloads.Write(new ReminderPayload("m1", "B", kind, "2026-12-03", "2026-12-08", "3 working days before the meeting"));
        await outbox.EnqueueAsync(new ReminderRecord("r1", "k1", "B", "user-1", word, Monday, payload), CancellationToken.None);

        var read = ReminderPayloads.Read((await outbox.FindAsync("r1", CancellationToken.None))!);

        Assert.Equal(kind, read!.Kind);
        Assert.Contains($"\"kind\":\"{word}\"", payload, StringComparison.Ordinal);
        Assert.Equal(word, PayloadKinds.Text(kind));
    }

    [Theory]
    [InlineData("\"teleport\"", "teleport")]
    [InlineData("\"Papers\"", "Papers")]
    [InlineData("0", "Number")]
    public async Task A_payload_kind_this_version_does_not_know_fails_naming_it(string storedJson, string named)
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var outbox = new ReminderOutbox(test.Factory(), time);
        var payload = $$"""{"meetingId":"m1","boardName":"B","kind":{{storedJson}},"deadline":"2026-12-03","meetingDate":"2026-12-08","rule":"r"}""";
        await outbox.EnqueueAsync(new ReminderRecord("r1", "k1", "B", "user-1", "papers", Monday, payload), CancellationToken.None);
        var stored = (await outbox.FindAsync("r1", CancellationToken.None))!;

        var error = Assert.Throws<InvalidDataException>(() => ReminderPayloads.Read(stored));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static async Task<string?> StoredOutcomeAsync(TestDatabase test)
    {
        await using var connection = await test.Factory().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string?>("SELECT last_outcome FROM reminders WHERE reminder_id = 'r1'");
    }
}
