using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Infrastructure.Graph;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Graph;

/// <summary>Which Graph credential and mailbox the configuration gives, and refusal when booking has no credential.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class GraphConfigurationTests
{
    [Fact]
    public void A_client_secret_gives_a_client_secret_credential_defaulting_to_the_bots_registration()
    {
        var credential = Credential(Config(("Graph:ClientSecret", "s"), ("MicrosoftAppId", "11111111-1111-1111-1111-111111111111"), ("MicrosoftAppTenantId", "22222222-2222-2222-2222-222222222222")));

        Assert.IsType<ClientSecretCredential>(credential);
    }

    [Fact]
    public void The_bots_user_assigned_identity_is_used_when_it_runs_as_one()
    {
        var credential = Credential(Config(("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppId", "11111111-1111-1111-1111-111111111111")));

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    [Fact]
    public void Booking_without_any_credential_is_refused_with_the_keys_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Credential(Config(("Graph:OrganizerMailbox", "secretariat@council.example"))));

        Assert.Contains("Graph:ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:ManagedIdentityClientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_board_mailboxes_win_over_the_default_and_either_spelling_of_organiser_is_read()
    {
        var options = Bound(Config(
            ("Graph:OrganiserMailbox", "secretariat@council.example"),
            ("Graph:BoardMailboxes:0:Board", "Safer Somewhere Board"),
            ("Graph:BoardMailboxes:0:Mailbox", "csp@council.example")));

        Assert.True(options.Enabled);
        Assert.Equal("csp@council.example", options.MailboxFor("safer somewhere board"));
        Assert.Equal("secretariat@council.example", options.MailboxFor("Another Board"));
        Assert.False(Bound(Config()).Enabled);
    }

    private static TokenCredential Credential(IConfiguration configuration) => Services(configuration).GetRequiredService<GraphCredential>().Credential;

    private static GraphCalendarOptions Bound(IConfiguration configuration) => Services(configuration).GetRequiredService<GraphCalendarOptions>();

    // The host's own registrations, so the keys are bound exactly as at start-up.
    private static ServiceProvider Services(IConfiguration configuration) =>
        new ServiceCollection().AddSingleton(configuration).AddBotProtocol(configuration).AddPartnershipBotCalendar().BuildServiceProvider();

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
