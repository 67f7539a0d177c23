using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Support;

/// <summary>
/// A chat test with channel authentication on (tokens from a loopback OpenID issuer) and one configured admin, so
/// roles and permissions matter as they do in a tenant.
/// </summary>
public abstract class AuthenticatedChatTest : ChatTest
{
    /// <summary>The Entra object id configured in PartnershipBot:Admins.</summary>
    protected const string Admin = "00000000-0000-0000-0000-000000000a01";

    protected ChannelTokenIssuer Issuer { get; private set; } = null!;

    /// <summary>Settings beyond channel auth and the admin (e.g. Graph).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    protected sealed override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(ExtraSettings)
    {
        ["MicrosoftAppId"] = ChannelTokenIssuer.AppId,
        ["MicrosoftAppPassword"] = "not-used-because-the-token-provider-is-replaced",
        ["BotFramework:OpenIdMetadataUrl"] = Issuer.MetadataUrl,
        ["PartnershipBot:Admins:0"] = Admin,
    };

    /// <summary>The clock tokens are minted against (the host validates lifetimes with its own clock).</summary>
    protected virtual DateTimeOffset Now => DateTimeOffset.UtcNow;

    public override async Task InitializeAsync()
    {
        Issuer = await ChannelTokenIssuer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    /// <summary>A valid channel token for the loopback Connector.</summary>
    protected string Token() => Issuer.Mint(Connector.ServiceUrl, notBefore: Now.UtcDateTime.AddMinutes(-1), expires: Now.UtcDateTime.AddMinutes(30));

    /// <summary>Says <paramref name="text"/> in the team channel as <paramref name="aadObjectId"/>, authenticated.</summary>
    protected Task SayAsync(string text, string aadObjectId) =>
        SayInChannelAsync(text, a => a["from"]!["aadObjectId"] = aadObjectId, Token());
}
