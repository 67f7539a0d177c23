namespace PartnershipBot.Protocol.Authentication;

/// <summary>The outcome of checking a request's bearer token (before the body is trusted).</summary>
/// <param name="IsAuthenticated">True when the token is valid.</param>
/// <param name="FailureReason">Why not, for the log only (never the response).</param>
/// <param name="ServiceUrlClaim">The token's <c>serviceurl</c> claim.</param>
/// <param name="Endorsements">Channels the signing key is endorsed for.</param>
public sealed record ChannelAuthResult(bool IsAuthenticated, string? FailureReason, string? ServiceUrlClaim, IReadOnlySet<string> Endorsements)
{
    /// <summary>A failed result with its reason.</summary>
    public static ChannelAuthResult Fail(string reason) => new(false, reason, null, new HashSet<string>());
}
