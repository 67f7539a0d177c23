using Azure.Core;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>
/// The Entra "password" Npgsql presents: one token request per token lifetime however many connections open, a new
/// token before the old one expires, and one fetch for callers who find it stale together.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class EntraPasswordProviderTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    [Fact]
    public async Task A_token_is_reused_until_five_minutes_before_it_expires_then_renewed()
    {
        var credential = new CountingCredential(time, TimeSpan.FromHours(1));
        using var provider = new EntraPasswordProvider(credential, time);

        var first = await provider.GetPasswordAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal(first, await provider.GetPasswordAsync(CancellationToken.None));
        Assert.Equal(first, provider.GetPassword());
        Assert.Equal(1, credential.Requests);

        time.Advance(TimeSpan.FromMinutes(2));
        var renewed = await provider.GetPasswordAsync(CancellationToken.None);

        Assert.NotEqual(first, renewed);
        Assert.Equal(2, credential.Requests);
        Assert.Equal([EntraPasswordProvider.Scope], credential.Scopes);
    }

    [Fact]
    public async Task Callers_who_find_no_token_together_share_one_request()
    {
        var credential = new CountingCredential(time, TimeSpan.FromHours(1)) { Delay = TimeSpan.FromMilliseconds(50) };
        using var provider = new EntraPasswordProvider(credential, time);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => provider.GetPasswordAsync(CancellationToken.None).AsTask()));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, credential.Requests);
    }

    [Theory]
    [InlineData(null, null, "Host=db", null)]
    [InlineData("Password", null, "Host=db;Password=x", null)]
    [InlineData("Kerberos", null, "Host=db", "Storage:PostgresAuth must be Password or Entra")]
    [InlineData("Entra", "id", "Host=db;Password=x;SSL Mode=VerifyFull", "carries a password")]
    [InlineData("Entra", "id", "Host=db;SSL Mode=Require", "SSL Mode=VerifyFull")]
    [InlineData("Entra", "", "Host=db;SSL Mode=VerifyFull", "Storage:PostgresManagedIdentityClientId is empty")]
    [InlineData("entra", "id", "Host=db;SSL Mode=VerifyFull", null)]
    public void Sign_in_settings_are_refused_with_the_key_to_fix(string? mode, string? clientId, string connectionString, string? problem)
    {
        var found = PostgresAuthentication.Problem(mode, clientId, connectionString);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    /// <summary>A credential that hands out numbered tokens valid for <paramref name="lifetime"/> on the fake clock.</summary>
    private sealed class CountingCredential(TimeProvider clock, TimeSpan lifetime) : TokenCredential
    {
        private int requests;

        public int Requests => requests;

        public TimeSpan Delay { get; init; }

        public IReadOnlyList<string> Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => Issue(requestContext);

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            return Issue(requestContext);
        }

        private AccessToken Issue(TokenRequestContext context)
        {
            Scopes = context.Scopes;
            var n = Interlocked.Increment(ref requests);
            return new AccessToken($"token-{n}", clock.GetUtcNow() + lifetime);
        }
    }
}
