namespace PartnershipBot.Features.Agenda;

/// <summary>A business item on a meeting's agenda, as the chair or secretariat added it.</summary>
/// <param name="ItemId">Unique id.</param>
/// <param name="BoardName">The board.</param>
/// <param name="MeetingId">The meeting it is on.</param>
/// <param name="Position">Its place among the meeting's business items (1, 2, ...); standing items are not counted.</param>
/// <param name="Title">The item as the agenda words it.</param>
/// <param name="OwnerName">Who brings the paper, when someone does.</param>
/// <param name="OwnerId">The owner's Entra object id, when they were @mentioned and found in the roster.</param>
/// <param name="Financial">True for a financial decision: members declare interests before it.</param>
/// <param name="PaperSubmittedAt">When the paper came in, or null while it is awaited.</param>
/// <param name="Withdrawn">True once withdrawn: kept for the record, left off the agenda.</param>
/// <param name="AddedBy">Who added it (Entra object id).</param>
/// <param name="AddedAt">When.</param>
public sealed record AgendaItem(
    string ItemId, string BoardName, string MeetingId, int Position, string Title, string? OwnerName, string? OwnerId, bool Financial,
    DateTimeOffset? PaperSubmittedAt, bool Withdrawn, string AddedBy, DateTimeOffset AddedAt);

/// <summary>Where an item's paper stands (the <c>agenda --json</c> contract spells these in lower case).</summary>
public enum PaperState
{
    /// <summary>No paper is expected (no owner, a standing item).</summary>
    None,
    /// <summary>The owner's paper has not come in and the deadline has not passed.</summary>
    Awaited,
    /// <summary>In by the deadline.</summary>
    Submitted,
    /// <summary>In after the deadline, or still not in once it has passed.</summary>
    Late,
}

/// <summary>The agenda's business items (port).</summary>
public interface IAgendaStore
{
    /// <summary>Adds an item at the end of the meeting's business; when the same title is already on it, returns that one and false.</summary>
    Task<(AgendaItem Item, bool Added)> AddAsync(AgendaItem item, CancellationToken cancellationToken);

    /// <summary>The meeting's items in agenda order, withdrawn ones included.</summary>
    Task<IReadOnlyList<AgendaItem>> ForMeetingAsync(string meetingId, CancellationToken cancellationToken);

    /// <summary>Records the paper as in at <paramref name="at"/> (the first time is kept); false when there is no such item.</summary>
    Task<bool> MarkPaperAsync(string itemId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Withdraws the item; false when there is no such item.</summary>
    Task<bool> WithdrawAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>Moves the item to <paramref name="position"/> among the meeting's business items, shifting the others.</summary>
    Task<bool> MoveAsync(string itemId, int position, CancellationToken cancellationToken);
}
