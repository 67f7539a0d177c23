namespace PartnershipBot.Features.Agenda;

/// <summary>The standing items the secretariat set for a board, overriding its ToR's (or the default).</summary>
/// <param name="BoardName">The board.</param>
/// <param name="Items">The items in agenda order, as the secretariat gave them (spelled out).</param>
/// <param name="SetBy">Who set them (Entra object id).</param>
/// <param name="SetAt">When.</param>
public sealed record BoardStandingItems(string BoardName, IReadOnlyList<string> Items, string SetBy, DateTimeOffset SetAt);

/// <summary>Boards' standing items as the secretariat set them (port).</summary>
public interface IStandingItemsStore
{
    /// <summary>The board's own standing items, or null when the secretariat has set none.</summary>
    Task<BoardStandingItems?> FindAsync(string boardName, CancellationToken cancellationToken);

    /// <summary>Sets (or replaces) the board's standing items.</summary>
    Task SetAsync(BoardStandingItems items, CancellationToken cancellationToken);

    /// <summary>Forgets the board's own standing items, so the ToR's (or the default) apply again; false when none were set.</summary>
    Task<bool> ClearAsync(string boardName, CancellationToken cancellationToken);
}
