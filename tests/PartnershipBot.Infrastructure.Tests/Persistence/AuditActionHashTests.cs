using Dapper;
using PartnershipBot.Features.Boards;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Infrastructure.Persistence.Integrity;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>
/// Typing the audit action changed nothing the chain covers: the MAC below was produced by the code before the
/// action was typed (it passed the text "board.link" straight through), from the same inputs and the test register
/// key; and entries written through the typed path store, and are hashed over, exactly the old text.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class AuditActionHashTests
{
    private const string BoardLinkMacBeforeTyping = "87f0f94a86bebe685048a98116ed7bd58e4f63c9b70155c4904b12c1935fbbe5";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Fact]
    public void AuditMac_OfATypedActionsName_IsTheHashOfTheTextBeforeTyping()
    {
        var key = RegisterKey.FromText(TestDatabase.RegisterKeyText, "tests");

        var mac = RegisterChains.AuditMac(key, "prev", "2026-11-23T09:00:00.0000000+00:00", "admin", AuditAction.BoardLink.Name, "conv-1", "{\"board\":\"Westmarsh Board\"}");

        Assert.Equal(BoardLinkMacBeforeTyping, mac);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Changes_WrittenWithTypedActions_StoreTheSameTextAndHashesAsBefore(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var directory = new BoardDirectory(test.Factory());

        await directory.LinkAsync(new ConversationBoardLink("19:c", "Safer Westmarsh Board", "admin-1", Now), CancellationToken.None);
        await directory.UnlinkAsync("19:c", "admin-1", Now.AddMinutes(1), CancellationToken.None);
        await directory.AssignRoleAsync("Safer Westmarsh Board", "p1", BoardRole.ViceChair, "admin-1", Now.AddMinutes(2), CancellationToken.None);
        await directory.RecordAsync("admin-1", Now.AddMinutes(3), AuditAction.TermsVersion, "Safer Westmarsh Board", "v2", CancellationToken.None);

        await using var connection = await test.Factory().OpenAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync<(string At, string Actor, string Action, string Subject, string? Detail, string Previous, string Hash)>(
            "SELECT at, actor, action, subject, detail_json, previous_hash, hash FROM audit_log ORDER BY sequence")).ToList();
        string[] textBeforeTyping = ["board.link", "board.unlink", "role.assign", "terms.version"];
        Assert.Equal(textBeforeTyping, rows.Select(r => r.Action));
        var key = test.Factory().RequireRegisterKey();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Assert.Equal(i == 0 ? string.Empty : rows[i - 1].Hash, row.Previous);
            Assert.Equal(RegisterChains.AuditMac(key, row.Previous, row.At, row.Actor, textBeforeTyping[i], row.Subject, row.Detail), row.Hash);
        }

        var verification = await new DeclarationRegister(test.Factory()).VerifyAsync(CancellationToken.None);
        Assert.True(verification.Intact, string.Join("\n", verification.Problems ?? []));
        Assert.Equal(4, verification.AuditEntries);
    }
}
