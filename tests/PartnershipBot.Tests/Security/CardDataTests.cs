using System.Net;
using System.Text.Json.Nodes;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Security;

/// <summary>A guessed declaration title is no key, and a roster that never ends is not followed for ever.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class CardDataTests : TwoTenantChatTest
{
    [Fact]
    public async Task A_declaration_view_naming_the_board_and_a_guessed_title_shows_nothing()
    {
        await LinkBoardToTenantAAsync();
        await Service<IDeclarationItemStore>().AddAsync(new DeclarationItem("item-a", Board, null, null, "Allocate the fund", Admin, DateTimeOffset.UtcNow), CancellationToken.None);

        var (status, body) = await PressAsAsync(DeclarationCards.ViewVerb, new JsonObject { ["board"] = Board, ["item"] = "Allocate the fund" }, Outsider, TenantB, "a:personal-outsider");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(InvokeResponse.ErrorType, body.GetProperty("type").GetString());
        Assert.Contains("out of date", AnswerText(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_whose_continuation_never_ends_stops_at_the_page_cap_and_changes_nothing()
    {
        await LinkBoardToTenantAAsync();
        Connector.Roster.Add(new ChannelAccount { Id = "29:someone", Name = "Someone", AadObjectId = Colleague });
        Connector.EndlessRoster = true;

        var reply = await SayInBoardChannelAsync("import all members", Admin);

        Assert.Contains($"ran past {ConversationRoster.MaxPages} pages", reply, StringComparison.Ordinal);
        Assert.Equal(ConversationRoster.MaxPages, Connector.Calls.Count(c => c.Path.Contains("/pagedmembers", StringComparison.Ordinal)));
        Assert.Empty(await Service<IBoardDirectory>().HoldersAsync(Board, BoardRole.Member, CancellationToken.None));
    }
}
