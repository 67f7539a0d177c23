using PartnershipBot.Testing;
using PartnershipBot.Tests.Security;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// The two-tenant host with an app id set and the tab signed in against a loopback Entra stub: <see cref="Entra"/>
/// mints tokens, <see cref="Audience"/> is the tab's SSO resource.
/// </summary>
public abstract class TabSsoTest : TwoTenantChatTest
{
    protected const string Domain = "bot.example.org";

    protected EntraTokenIssuer Entra { get; private set; } = null!;

    protected static string Audience => $"api://{Domain}/{ChannelTokenIssuer.AppId}";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Tab:EntraAuthority"] = Entra.Authority,
        ["Tab:Domain"] = Domain,
    };

    public override async Task InitializeAsync()
    {
        Entra = await EntraTokenIssuer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Entra.DisposeAsync();
    }
}
