using Dapper;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Interests;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>
/// The standing register of interests against the real engines: versions are appended and chained, a press is stored
/// once, the table refuses updates, and an edit or a removed last version behind the triggers is reported by verify,
/// as the per-item register's are.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class StandingInterestRegisterTests
{
    private const string Board = "Westmarsh Board";
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Versions_are_appended_per_member_chained_and_a_repeated_press_stores_once(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var register = new StandingInterestRegister(test.Factory());

        var first = await register.AppendOnceAsync(Declaration("p1", "Thurrock Council"), "press-1", CancellationToken.None);
        var again = await register.AppendOnceAsync(Declaration("p1", "Thurrock Council"), "press-1", CancellationToken.None);
        var other = await register.AppendOnceAsync(Declaration("p2", "Essex Police"), "press-2", CancellationToken.None);
        var second = await register.AppendOnceAsync(Declaration("p1", "Basildon Council"), "press-3", CancellationToken.None);

        Assert.Equal((first.Sequence, first.Hash), (again.Sequence, again.Hash));
        Assert.Equal((1, 1, 2), (first.Version, other.Version, second.Version));
        Assert.Equal(other.Hash, second.PreviousHash);
        Assert.Equal(3, (await register.HistoryAsync(Board, CancellationToken.None)).Count);
        Assert.Equal(["Essex Police", "Basildon Council"], (await register.CurrentAsync(Board, CancellationToken.None)).Select(r => r.Declaration.Interests[0].Organisation));
        Assert.True((await register.VerifyAsync(CancellationToken.None)).Intact);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Editing_a_stored_version_behind_the_triggers_breaks_verification(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var register = new StandingInterestRegister(test.Factory());
        await register.AppendOnceAsync(Declaration("p1", "Thurrock CVS"), "press-1", CancellationToken.None);
        await register.AppendOnceAsync(Declaration("p2", "Essex Police"), "press-2", CancellationToken.None);
        const string Edit = "UPDATE standing_interests SET interests_json = '[]', nothing_to_declare = 1 WHERE sequence = 1";

        await using (var connection = await test.Factory().OpenAsync(CancellationToken.None))
        {
            var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(Edit));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
            await connection.ExecuteAsync(provider == "sqlite"
                ? "DROP TRIGGER standing_interests_no_update; " + Edit
                : "ALTER TABLE standing_interests DISABLE TRIGGER USER; " + Edit + "; ALTER TABLE standing_interests ENABLE TRIGGER USER");
        }

        var verification = await register.VerifyAsync(CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Equal(1, verification.FirstBrokenSequence);
        Assert.Contains(verification.Problems!, p => p.Contains("version entry #1 was edited", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Removing_the_last_version_is_caught_by_the_audit_log(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var register = new StandingInterestRegister(test.Factory());
        await register.AppendOnceAsync(Declaration("p1", "Thurrock CVS"), "press-1", CancellationToken.None);
        await register.AppendOnceAsync(Declaration("p1", "Nothing now"), "press-2", CancellationToken.None);

        await using (var connection = await test.Factory().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(provider == "sqlite"
                ? "DROP TRIGGER standing_interests_no_delete; DELETE FROM standing_interests WHERE sequence = 2"
                : "ALTER TABLE standing_interests DISABLE TRIGGER USER; DELETE FROM standing_interests WHERE sequence = 2; ALTER TABLE standing_interests ENABLE TRIGGER USER");
        }

        var verification = await register.VerifyAsync(CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Contains(verification.Problems!, p => p.Contains("truncated: the audit log records version entry #2", StringComparison.Ordinal));
    }

    private static StandingDeclaration Declaration(string person, string organisation) =>
        new(Board, person, $"Member {person}", NothingToDeclare: false, [new StandingInterest(InterestSection.Employment, organisation, null)], person, Now);
}
