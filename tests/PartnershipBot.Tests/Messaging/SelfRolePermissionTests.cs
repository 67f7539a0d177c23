using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Messaging;

/// <summary>"make me …" with channel auth on: an admin may record themselves; the secretariat may not promote themselves.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class SelfRolePermissionTests : AuthenticatedChatTest
{
    private const string Board = "Thurrock Community Safety Partnership Strategic Board";
    private const string Secretary = "00000000-0000-0000-0000-000000000b02";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SayAsync($"link this to {Board}", Admin);
        await Connector.WaitForActivitiesAsync(1);
    }

    [Fact]
    public async Task An_admin_can_make_themselves_the_secretariat_but_the_secretariat_cannot_make_themselves_chair()
    {
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        await directory.AssignRoleAsync(Board, Secretary, BoardRole.Secretariat, Admin, DateTimeOffset.UtcNow, CancellationToken.None);

        await SayAsync("make me the secretariat", Admin);
        await SayAsync("make me the chair", Secretary);

        var replies = await Connector.WaitForActivitiesAsync(3);
        Assert.Contains("is now the secretariat of the **Thurrock", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("Only an admin can make you the chair", replies[2].Text, StringComparison.Ordinal);
        Assert.Contains(Admin, (await directory.HoldersAsync(Board, BoardRole.Secretariat, CancellationToken.None)).Select(p => p.PersonId));
        Assert.Empty(await directory.HoldersAsync(Board, BoardRole.Chair, CancellationToken.None));
    }
}
