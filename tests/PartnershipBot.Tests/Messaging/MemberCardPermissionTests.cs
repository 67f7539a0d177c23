using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>The members card with channel auth on, so only admins and the secretariat may use it.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class MemberCardPermissionTests : AuthenticatedChatTest
{
    private const string Board = "Thurrock Community Safety Partnership Strategic Board";
    private const string Member = "00000000-0000-0000-0000-000000000b02";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Connector.Roster.Add(new ChannelAccount { Id = "29:ann", Name = "Ann Able", AadObjectId = "aad-ann", UserRole = "user" });
        await SayAsync($"link this to {Board}", Admin);
        await Connector.WaitForActivitiesAsync(1);
    }

    [Fact]
    public async Task Someone_else_asking_for_the_card_gets_a_polite_refusal_card_and_the_roster_is_not_read()
    {
        await SayAsync("import members", Member);

        var card = Assert.Single((await Connector.WaitForActivitiesAsync(2))[1].Attachments!);
        Assert.Contains("Only an admin or the secretariat of the Thurrock", card.Content!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Connector.Calls, c => c.Path.Contains("/pagedmembers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_else_pressing_save_on_the_admins_card_is_refused_and_nothing_changes()
    {
        await SayAsync("import members", Admin);
        var card = (await Connector.WaitForActivitiesAsync(2))[1].Attachments!.Single().Content!.Value;
        var data = JsonNode.Parse(card.GetProperty("actions")[0].GetProperty("data").GetRawText())!.AsObject();
        data[MemberCards.MembersInput] = "aad-ann";

        var (_, refused) = await PressAsync(MemberCards.SaveVerb, data, Member, Channel, Token());
        Assert.Contains("Only an admin or the secretariat of the Thurrock", refused.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None));

        var (_, saved) = await PressAsync(MemberCards.SaveVerb, data, Admin, Channel, Token());
        Assert.Contains("saved", saved.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("aad-ann", Assert.Single(await Directory().HoldersAsync(Board, BoardRole.Member, CancellationToken.None)).PersonId);
    }

    [Fact]
    public async Task The_boards_secretariat_may_use_the_card_too()
    {
        await Directory().AssignRoleAsync(Board, Member, BoardRole.Secretariat, Admin, DateTimeOffset.UtcNow, CancellationToken.None);

        await SayAsync("import members", Member);

        var card = Assert.Single((await Connector.WaitForActivitiesAsync(2))[1].Attachments!);
        Assert.Contains(MemberCards.SaveVerb, card.Content!.Value.GetRawText(), StringComparison.Ordinal);
    }

    private static JsonObject Channel => new() { ["id"] = ChannelConversation, ["conversationType"] = "channel" };

    private IBoardDirectory Directory() => Host.Services.GetRequiredService<IBoardDirectory>();
}
