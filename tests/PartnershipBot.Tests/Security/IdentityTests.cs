using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Security;

/// <summary>Teams only, and the actor is <c>from.aadObjectId</c>, never <c>from.id</c>.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class IdentityTests : TwoTenantChatTest
{
    [Fact]
    public async Task A_webchat_activity_is_refused_even_when_the_key_is_endorsed_for_webchat()
    {
        Issuer.Endorsements.Add("webchat");
        var activity = Activity("02-message-channel-mention.json", a =>
        {
            a["channelId"] = "webchat";
            a["text"] = $"<at>PartnershipBot</at> link this to {Board}";
        });

        using var response = await PostAsync(activity, Token());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await Service<IBoardDirectory>().FindLinkAsync(ChannelConversation, CancellationToken.None));
    }

    [Fact]
    public async Task An_activity_without_aadObjectId_links_nothing_even_when_from_id_is_an_admins_object_id()
    {
        var reply = await SayWithoutEntraIdAsync($"link this to {Board}");

        Assert.Contains("Only an admin or the board's secretariat", reply, StringComparison.Ordinal);
        Assert.Null(await Service<IBoardDirectory>().FindLinkAsync(ChannelConversation, CancellationToken.None));
    }

    [Fact]
    public async Task An_activity_whose_conversation_and_channelData_name_different_tenants_is_refused()
    {
        var activity = Activity("02-message-channel-mention.json", a =>
        {
            a["text"] = $"<at>PartnershipBot</at> link this to {Board}";
            a["channelData"]!["tenant"]!["id"] = TenantB;
        });

        using var response = await PostAsync(activity, Token());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> SayWithoutEntraIdAsync(string text)
    {
        var activity = Activity("02-message-channel-mention.json", a =>
        {
            a["text"] = $"<at>PartnershipBot</at> {text}";
            a["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = Admin, ["name"] = "Not really the admin" };
        });
        using var response = await PostAsync(activity, Token());
        response.EnsureSuccessStatusCode();
        return (await Connector.WaitForActivitiesAsync(1)).Single().Text!;
    }
}

/// <summary>The app id set only as <c>BotFramework:MicrosoftAppId</c> is still channel auth, with no one an admin for it.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class AppIdInSectionTests : ChatTest
{
    private Testing.ChannelTokenIssuer issuer = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BotFramework:MicrosoftAppId"] = Testing.ChannelTokenIssuer.AppId,
        ["BotFramework:MicrosoftAppPassword"] = "not-used-because-the-token-provider-is-replaced",
        ["BotFramework:OpenIdMetadataUrl"] = issuer.MetadataUrl,
    };

    public override async Task InitializeAsync()
    {
        issuer = await Testing.ChannelTokenIssuer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await issuer.DisposeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<Protocol.Connector.IBotTokenProvider>(new StaticBotTokenProvider(BotHostFactory.BotToken));

    [Fact]
    public async Task Auth_is_on_and_someone_who_is_not_an_admin_cannot_link_a_board()
    {
        using (var anonymous = await PostAsync(Activity("02-message-channel-mention.json")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        await SayInChannelAsync("link this to Thurrock Community Safety Partnership Strategic Board", bearerToken: issuer.Mint(Connector.ServiceUrl));

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("Only an admin or the board's secretariat", reply.Text, StringComparison.Ordinal);
        Assert.Null(await Host.Services.GetRequiredService<IBoardDirectory>().FindLinkAsync(ChannelConversation, CancellationToken.None));
    }
}
