namespace PartnershipBot.Features.Agenda;

/// <summary>An action agreed at (or between) meetings, owned by one person, with an optional due date.</summary>
/// <param name="BoardName">The board.</param>
/// <param name="Number">The board's action number (1, 2, ...): what people say ("action 3 done").</param>
/// <param name="Text">What is to be done.</param>
/// <param name="OwnerName">Who does it.</param>
/// <param name="OwnerId">Their Entra object id when @mentioned and found in the roster.</param>
/// <param name="Due">The date it is due, when one was given.</param>
/// <param name="Done">True once marked done.</param>
/// <param name="LastUpdate">The owner's latest update, if any.</param>
/// <param name="CreatedBy">Who recorded it.</param>
/// <param name="CreatedAt">When.</param>
public sealed record ActionItem(
    string BoardName, int Number, string Text, string OwnerName, string? OwnerId, NodaTime.LocalDate? Due, bool Done, string? LastUpdate, string CreatedBy, DateTimeOffset CreatedAt)
{
    /// <summary>"open" or "done", as the <c>actions --json</c> contract spells it.</summary>
    public string Status => Done ? "done" : "open";
}

/// <summary>The board's action log (port).</summary>
public interface IActionLog
{
    /// <summary>Records a new action under the board's next number and returns it.</summary>
    Task<ActionItem> AddAsync(string boardName, string text, string ownerName, string? ownerId, NodaTime.LocalDate? due, string createdBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The board's actions, oldest first; only open ones when <paramref name="openOnly"/>.</summary>
    Task<IReadOnlyList<ActionItem>> ListAsync(string boardName, bool openOnly, CancellationToken cancellationToken);

    /// <summary>Marks an action done (or records an update when <paramref name="update"/> is given and <paramref name="done"/> is false); null when there is no such action.</summary>
    Task<ActionItem?> UpdateAsync(string boardName, int number, bool done, string? update, DateTimeOffset at, CancellationToken cancellationToken);
}
