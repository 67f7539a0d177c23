namespace PartnershipBot.Tab;

/// <summary>Who a tab request is from, or why it is not accepted (the reason is for the log, never the response).</summary>
/// <param name="PersonId">The Entra object id (<c>oid</c>); null when refused, or in local mode with no development person.</param>
/// <param name="TenantId">The token's tenant (<c>tid</c>); null when refused or in local mode.</param>
/// <param name="FailureReason">Why the request is refused; null when it is accepted.</param>
public sealed record TabSignIn(string? PersonId, string? TenantId, string? FailureReason)
{
    /// <summary>True when the request may be answered.</summary>
    public bool IsAccepted => FailureReason is null;

    /// <summary>An accepted sign-in.</summary>
    public static TabSignIn As(string? personId, string? tenantId) => new(personId, tenantId, null);

    /// <summary>A refusal, with its reason.</summary>
    public static TabSignIn Refused(string reason) => new(null, null, reason);
}
