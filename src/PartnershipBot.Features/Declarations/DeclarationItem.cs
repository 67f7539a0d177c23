namespace PartnershipBot.Features.Declarations;

/// <summary>An agenda item that is a financial decision, so members declare their interests before it.</summary>
/// <param name="ItemId">Unique id; card data carries only this, and the bot looks everything else up.</param>
/// <param name="BoardName">The board.</param>
/// <param name="MeetingId">The meeting it is on, or null for an item opened ad hoc in chat.</param>
/// <param name="MeetingStartsAt">When that meeting starts (null for an ad hoc item).</param>
/// <param name="Title">The item as the agenda words it, e.g. "Allocate the Safer Communities Fund".</param>
/// <param name="AddedBy">Who added it (Entra object id).</param>
/// <param name="AddedAt">When.</param>
public sealed record DeclarationItem(
    string ItemId, string BoardName, string? MeetingId, DateTimeOffset? MeetingStartsAt, string Title, string AddedBy, DateTimeOffset AddedAt);

/// <summary>The financial-decision agenda items (port).</summary>
public interface IDeclarationItemStore
{
    /// <summary>Adds an item; when the same title is already on that meeting, returns the stored one and false.</summary>
    Task<(DeclarationItem Item, bool Added)> AddAsync(DeclarationItem item, CancellationToken cancellationToken);

    /// <summary>An item by id, or null.</summary>
    Task<DeclarationItem?> FindAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>
    /// The board's item with this title (case- and spacing-insensitive): the one on the next meeting from
    /// <paramref name="now"/>, else the most recently added; null when there is none.
    /// </summary>
    Task<DeclarationItem?> FindByTitleAsync(string boardName, string title, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The items on a meeting.</summary>
    Task<IReadOnlyList<DeclarationItem>> ForMeetingAsync(string meetingId, CancellationToken cancellationToken);

    /// <summary>Records that a meeting now starts at <paramref name="startsAt"/> on its items.</summary>
    Task MoveMeetingAsync(string meetingId, DateTimeOffset startsAt, CancellationToken cancellationToken);

    /// <summary>Starts a new send round ("send now" or "chase") for the item and returns its number (1, 2, ...).</summary>
    Task<int> NextSendRoundAsync(string itemId, CancellationToken cancellationToken);
}
