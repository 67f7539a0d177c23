using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>Roles by @mention, resolved through the (loopback) Connector's roster, and shown beside the ToR's rule.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
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

    [Fact]
    public async Task Make_me_the_secretariat_records_the_sender_who_cannot_mention_themselves()
    {
        await SayAsync("make me the secretariat");

        var reply = (await Connector.WaitForActivitiesAsync(2))[1];
        Assert.Contains("Avery Example is now the secretariat of the **Thurrock", reply.Text, StringComparison.Ordinal);
        var holder = Assert.Single(await Host.Services.GetRequiredService<IBoardDirectory>().HoldersAsync(Board, BoardRole.Secretariat, CancellationToken.None));
        Assert.Equal(("00000000-0000-0000-0000-000000000a01", "Avery Example"), (holder.PersonId, holder.Name));
    }

    [Fact]
    public async Task A_typed_name_is_found_in_the_roster_instead_of_being_read_as_a_ToR_question()
    {
        Connector.Roster.Add(new ChannelAccount { Id = "29:tess", Name = "Tess Tester", AadObjectId = "aad-tess" });

        await SayAsync("make Tess Tester the secretariat");
        await SayAsync("remove Tess  Tester as secretariat");

        var replies = await Connector.WaitForActivitiesAsync(3);
        Assert.Contains("Tess Tester is now the secretariat of the **Thurrock", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("Tess Tester is no longer the secretariat of the Thurrock", replies[2].Text, StringComparison.Ordinal);
        var audit = await Host.Services.GetRequiredService<IBoardDirectory>().AuditAsync(CancellationToken.None);
        Assert.Contains(audit, e => e.DetailJson?.Contains("aad-tess", StringComparison.Ordinal) == true || e.Subject.Contains("aad-tess", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_typed_name_not_in_the_roster_is_found_among_the_boards_people()
    {
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        await directory.UpsertPersonAsync(new PersonRecord("aad-olu", "29:olu", "Olu Okafor", null, false), DateTimeOffset.UtcNow, CancellationToken.None);
        await directory.AssignRoleAsync(Board, "aad-olu", BoardRole.Member, "admin", DateTimeOffset.UtcNow, CancellationToken.None);

        await SayAsync("make Olu Okafor the vice-chair");

        Assert.Contains("Olu Okafor is now the vice-chair", (await Connector.WaitForActivitiesAsync(2))[1].Text, StringComparison.Ordinal);
        Assert.Equal([BoardRole.ViceChair, BoardRole.Member], (await directory.RolesOfAsync(Board, "aad-olu", CancellationToken.None)).Order());
    }

    [Fact]
    public async Task Two_people_of_the_typed_name_get_a_question_not_a_guess_and_unknown_names_say_so()
    {
        Connector.Roster.Add(new ChannelAccount { Id = "29:jane2", Name = "Jane Smith", AadObjectId = "aad-jane-2" });

        await SayAsync("make Jane Smith the chair");
        await SayAsync("make Nobody Known the chair");

        var replies = await Connector.WaitForActivitiesAsync(3);
        Assert.Contains("2 people called Jane Smith are in this conversation: please @mention the one you mean.", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("I couldn't find anyone called Nobody Known", replies[2].Text, StringComparison.Ordinal);
        Assert.Empty(await Host.Services.GetRequiredService<IBoardDirectory>().HoldersAsync(Board, BoardRole.Chair, CancellationToken.None));
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
