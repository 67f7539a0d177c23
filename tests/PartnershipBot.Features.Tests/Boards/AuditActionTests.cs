using PartnershipBot.Features.Boards;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Boards;

/// <summary>The audit action's stored names, and reading back names this build does not write.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public class AuditActionTests
{
    [Fact]
    public void All_AreTheNamesTheLogHasAlwaysStored()
    {
        Assert.Equal(
            ["board.link", "board.members", "board.nation", "board.tenant", "board.unlink", "declarations.chase", "interests.recorded-for", "interests.saved", "register.rechain", "reminder.retry", "role.assign", "role.remove", "terms.version"],
            AuditAction.All.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.All(AuditAction.All, a => Assert.True(a.IsKnown));
    }

    [Fact]
    public void FromStored_AKnownName_IsThatAction()
    {
        foreach (var action in AuditAction.All)
        {
            Assert.Equal(action, AuditAction.FromStored(action.Name));
        }

        Assert.Equal(AuditAction.RoleAssign, AuditAction.FromStored("role.assign"));
    }

    [Theory]
    [InlineData("board.archive")]
    [InlineData("BOARD.LINK")]
    [InlineData("")]
    public void FromStored_AnUnknownName_IsKeptAsItIsAndMarkedUnknown(string name)
    {
        var action = AuditAction.FromStored(name);

        Assert.False(action.IsKnown);
        Assert.Equal(name, action.Name);
        Assert.Equal(name, action.ToString());
        Assert.DoesNotContain(action, AuditAction.All);
    }
}
