namespace PartnershipBot.Features.Boards;

/// <summary>
/// Which Microsoft 365 tenant each board belongs to (port). A board is claimed once, by the tenant of the first
/// conversation linked to it or the first Teams upload of its ToR, and never changes hands afterwards; a board
/// nobody has claimed yet (a seeded sample, a CLI ingest) has no tenant.
/// </summary>
public interface IBoardTenancy
{
    /// <summary>The tenant of each board in <paramref name="boardNames"/>, in the same order (null when unclaimed).</summary>
    Task<IReadOnlyList<string?>> TenantsOfAsync(IReadOnlyList<string> boardNames, CancellationToken cancellationToken);

    /// <summary>
    /// Claims an unclaimed board for <paramref name="tenantId"/> (audited as <c>board.tenant</c>); returns the board's
    /// tenant afterwards, which is someone else's when another tenant claimed it first.
    /// </summary>
    Task<string> ClaimAsync(string boardName, string tenantId, string actor, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Single-board lookups on <see cref="IBoardTenancy"/>.</summary>
public static class BoardTenancyExtensions
{
    /// <summary>The board's tenant, or null when unclaimed.</summary>
    public static async Task<string?> TenantOfAsync(this IBoardTenancy tenancy, string boardName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenancy);
        return (await tenancy.TenantsOfAsync([boardName], cancellationToken))[0];
    }
}
