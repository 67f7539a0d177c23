using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>Roles by @mention, resolved through the (loopback) Connector's roster, and shown beside the ToR's rule.</summary>
public sealed class RoleChatTests : ChatTest
{
    private const string Board = "Thurrock Community Safety Partnership Strategic Board";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Connector.Roster.Add(new ChannelAccount { Id = "29:jane", Name = "Jane Smith", AadObjectId = "aad-jane", Email = "jane.smith@thurrock.example" });
        await SayAsync($"link this to {Board}");
        await Connector.WaitForActivitiesAsync(1);
    }

    [Fact]
    public async Task A_mentioned_member_becomes_chair_and_who_is_the_chair_names_them_beside_the_rule()
    {
        await SayAsync("make <at>Jane Smith</at> the chair", ("29:jane", "Jane Smith"));
        await SayAsync("who is the chair?");

        var replies = (await Connector.WaitForActivitiesAsync(3)).Where(a => a.Text is not null).ToList();
        Assert.Contains("Jane Smith is now the chair of the **Thurrock", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("“The chair will be the local Police Superintendent for Partnerships.”", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("Currently the chair: **Jane Smith**", replies[2].Text, StringComparison.Ordinal);
        Assert.Equal([BoardRole.Chair], await Host.Services.GetRequiredService<IBoardDirectory>().RolesOfAsync(Board, "aad-jane", CancellationToken.None));
    }

    [Fact]
    public async Task Someone_not_in_the_conversation_gets_no_role()
    {
        await SayAsync("make <at>Sam Stranger</at> the secretariat", ("29:sam", "Sam Stranger"));

        var reply = (await Connector.WaitForActivitiesAsync(2))[1];
        Assert.Contains("couldn't find Sam Stranger in this conversation's members", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await Host.Services.GetRequiredService<IBoardDirectory>().HoldersAsync(Board, BoardRole.Secretariat, CancellationToken.None));
    }

    private Task SayAsync(string text, (string Id, string Name)? mention = null) => SayInChannelAsync(text, a =>
    {
        if (mention is { } m)
        {
            a["entities"]!.AsArray().Add(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = $"<at>{m.Name}</at>",
                ["mentioned"] = new JsonObject { ["id"] = m.Id, ["name"] = m.Name },
            });
        }
    });
}
