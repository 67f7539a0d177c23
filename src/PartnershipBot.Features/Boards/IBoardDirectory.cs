using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Boards;

/// <summary>Roles a person can hold on a board.</summary>
public enum BoardRole
{
    /// <summary>Chairs meetings.</summary>
    Chair,
    /// <summary>Deputises for the chair.</summary>
    ViceChair,
    /// <summary>Runs the board's business (papers, minutes, set-up).</summary>
    Secretariat,
    /// <summary>A member of the board.</summary>
    Member,
}

/// <summary>A conversation's link to a board.</summary>
/// <param name="ConversationId">The Teams conversation as a place: the channel (never one thread of it), group chat or personal chat.</param>
/// <param name="BoardName">The board's name as stored with its ToR.</param>
/// <param name="LinkedBy">Who linked it (Entra object id).</param>
/// <param name="LinkedAt">When.</param>
public sealed record ConversationBoardLink(string ConversationId, string BoardName, string LinkedBy, DateTimeOffset LinkedAt);

/// <summary>A person the bot knows, from Teams.</summary>
/// <param name="PersonId">Entra object id.</param>
/// <param name="TeamsId">The Teams user id (29:...).</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Email or UPN.</param>
/// <param name="IsGuest">True for guests and external users.</param>
public sealed record PersonRecord(string PersonId, string? TeamsId, string? Name, string? Email, bool IsGuest);

/// <summary>One entry of the audit log: who changed what, when.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who (Entra object id, or "cli").</param>
/// <param name="Action">What kind of change, e.g. <see cref="AuditAction.BoardLink"/>; a name this build does not know is kept as read.</param>
/// <param name="Subject">What it changed, e.g. the conversation id.</param>
/// <param name="DetailJson">Details as JSON.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, AuditAction Action, string Subject, string? DetailJson);

/// <summary>An audit entry with its place in the log, which pages of it are counted from.</summary>
/// <param name="Sequence">Its position in the log (later entries have higher numbers).</param>
/// <param name="Entry">The entry.</param>
public sealed record NumberedAuditEntry(long Sequence, AuditEntry Entry);

/// <summary>Which conversation belongs to which board (port). Each change is written with its audit entry.</summary>
public interface IBoardLinks
{
    /// <summary>Links a conversation to a board, replacing any earlier link (a conversation has at most one board).</summary>
    Task LinkAsync(ConversationBoardLink link, CancellationToken cancellationToken);

    /// <summary>Removes the conversation's link; false when it had none.</summary>
    Task<bool> UnlinkAsync(string conversationId, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The conversation's board link, or null.</summary>
    Task<ConversationBoardLink?> FindLinkAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The conversations linked to a board (its channel or group chat), oldest link first.</summary>
    Task<IReadOnlyList<string>> LinkedConversationsAsync(string boardName, CancellationToken cancellationToken);
}

/// <summary>Who holds which role on which board (port). Each change is written with its audit entry.</summary>
public interface IBoardRoles
{
    /// <summary>Gives a person a role on a board (idempotent).</summary>
    Task AssignRoleAsync(string boardName, string personId, BoardRole role, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Takes a role away; false when the person did not hold it.</summary>
    Task<bool> RemoveRoleAsync(string boardName, string personId, BoardRole role, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The people holding a role on a board (name from the people table when known).</summary>
    Task<IReadOnlyList<PersonRecord>> HoldersAsync(string boardName, BoardRole role, CancellationToken cancellationToken);

    /// <summary>The roles a person holds on a board.</summary>
    Task<IReadOnlyList<BoardRole>> RolesOfAsync(string boardName, string personId, CancellationToken cancellationToken);
}

/// <summary>What the bot knows about people, from Teams (port).</summary>
public interface IPeopleDirectory
{
    /// <summary>Adds or updates what the bot knows about a person.</summary>
    Task UpsertPersonAsync(PersonRecord person, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>What the bot knows about a person (Entra object id), or null.</summary>
    Task<PersonRecord?> FindPersonAsync(string personId, CancellationToken cancellationToken);
}

/// <summary>Which UK nation's bank holidays each board keeps (port).</summary>
public interface IBoardNations
{
    /// <summary>Which UK nation's bank holidays the board keeps (England and Wales unless set).</summary>
    Task<Calendar.UkNation> NationOfAsync(string boardName, CancellationToken cancellationToken);

    /// <summary>Sets the board's nation (audited).</summary>
    Task SetNationAsync(string boardName, Calendar.UkNation nation, string actor, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>The audit log (port): a keyed chain, appended only.</summary>
public interface IAuditLog
{
    /// <summary>Writes an audit entry for a change made elsewhere (e.g. a new ToR version).</summary>
    Task RecordAsync(string actor, DateTimeOffset at, AuditAction action, string subject, string? detail, CancellationToken cancellationToken);

    /// <summary>The audit log, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> AuditAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One page of a board's entries, newest first: those whose subject is the board or whose detail names it
    /// (<c>"board"</c>), numbered below <paramref name="before"/> (null: from the newest), at most <paramref name="take"/>.
    /// </summary>
    Task<IReadOnlyList<NumberedAuditEntry>> BoardAuditAsync(string boardName, long? before, int take, CancellationToken cancellationToken);
}

/// <summary>
/// All of the board directory's ports over one store, for the few callers that need several (the host's tests, the
/// CLI, the ToR routes). A new caller asks for the narrow port it uses: <see cref="IBoardLinks"/>,
/// <see cref="IBoardRoles"/>, <see cref="IPeopleDirectory"/>, <see cref="IBoardNations"/> or <see cref="IAuditLog"/>.
/// </summary>
public interface IBoardDirectory : IBoardLinks, IBoardRoles, IPeopleDirectory, IBoardNations, IAuditLog;
