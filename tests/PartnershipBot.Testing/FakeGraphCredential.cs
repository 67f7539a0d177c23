using Azure.Core;

namespace PartnershipBot.Testing;

/// <summary>Stands in for Entra ID: hands out the token the loopback Graph accepts.</summary>
public sealed class FakeGraphCredential : TokenCredential
{
    /// <inheritdoc />
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(LoopbackGraph.Token, DateTimeOffset.UtcNow.AddHours(1));

    /// <inheritdoc />
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
