using Dapper;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>The hash-chained declarations register, on both engines.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class DeclarationRegisterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concurrent_declarations_form_one_unbroken_chain(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var register = new DeclarationRegister(test.Factory());
        var second = new DeclarationRegister(test.Factory());

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? register : second).AppendAsync(Entry($"p{i}", i % 3 == 0 ? InterestKind.Pecuniary : InterestKind.None, Now.AddSeconds(i)), CancellationToken.None)));

        var verification = await register.VerifyAsync(CancellationToken.None);
        var listed = await register.ListAsync("Westmarsh Board", "Allocate the fund", CancellationToken.None);
        Assert.True(verification.Intact);
        Assert.Equal(20, verification.Entries);
        Assert.Equal(listed.Select(r => r.Hash).SkipLast(1), listed.Select(r => r.PreviousHash).Skip(1));
        Assert.Equal(string.Empty, listed[0].PreviousHash);
    }

    [Fact]
    public async Task Editing_a_stored_declaration_behind_the_triggers_is_detected()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var register = new DeclarationRegister(test.Factory());
        await register.AppendAsync(Entry("p1", InterestKind.Pecuniary, Now), CancellationToken.None);
        await register.AppendAsync(Entry("p2", InterestKind.None, Now.AddMinutes(1)), CancellationToken.None);

        // Someone with file access drops the guard and rewrites the first declaration.
        await using (var connection = await test.Factory().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("DROP TRIGGER declarations_no_update; UPDATE declarations SET interest = 'none' WHERE sequence = 1");
        }

        var verification = await register.VerifyAsync(CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Equal(1, verification.FirstBrokenSequence);
    }

    private static DeclarationEntry Entry(string person, InterestKind interest, DateTimeOffset at) =>
        new("Westmarsh Board", "Allocate the fund", person, "Member " + person, interest, interest == InterestKind.None ? null : "Trustee of an applicant", at);
}
