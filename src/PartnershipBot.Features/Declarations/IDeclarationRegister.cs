namespace PartnershipBot.Features.Declarations;

/// <summary>What a member declares about an item.</summary>
public enum InterestKind
{
    /// <summary>No interest to declare.</summary>
    None,
    /// <summary>A financial (pecuniary) interest: the member withdraws from the decision.</summary>
    Pecuniary,
    /// <summary>A personal, non-financial interest: the member withdraws from the decision.</summary>
    NonPecuniary,
}

/// <summary>A declaration as a member makes it.</summary>
/// <param name="BoardName">The board.</param>
/// <param name="Item">The agenda item (a financial decision).</param>
/// <param name="PersonId">The member's Entra object id.</param>
/// <param name="PersonName">The member's display name.</param>
/// <param name="Interest">None, pecuniary or non-pecuniary.</param>
/// <param name="Nature">What the interest is (required unless none).</param>
/// <param name="DeclaredAt">When it was stored.</param>
/// <param name="MeetingId">The meeting the item is on, so the same title at two meetings keeps separate declarations (null for ad hoc items and older entries).</param>
public sealed record DeclarationEntry(string BoardName, string Item, string PersonId, string? PersonName, InterestKind Interest, string? Nature, DateTimeOffset DeclaredAt, string? MeetingId = null);

/// <summary>A stored declaration: its place in the register and the hash chaining it to the one before.</summary>
/// <param name="Sequence">Position in the register (1, 2, 3 ...).</param>
/// <param name="Entry">What was declared.</param>
/// <param name="PreviousHash">The hash of the entry before (empty for the first).</param>
/// <param name="Hash">This entry's hash over the previous hash and its own content.</param>
public sealed record DeclarationRecord(long Sequence, DeclarationEntry Entry, string PreviousHash, string Hash);

/// <summary>The result of checking the register's and the audit log's keyed chains and their checkpoints.</summary>
/// <param name="Entries">Declarations checked.</param>
/// <param name="FirstBrokenSequence">The first declaration edited or following missing entries, or null.</param>
/// <param name="Problems">Everything found wrong (edits, gaps, truncation, forged checkpoints), in both chains.</param>
/// <param name="AuditEntries">Audit entries checked.</param>
public sealed record RegisterVerification(int Entries, long? FirstBrokenSequence, IReadOnlyList<string>? Problems = null, int AuditEntries = 0)
{
    /// <summary>True when every entry's hash and link match and both chains reach their signed checkpoints.</summary>
    public bool Intact => FirstBrokenSequence is null && (Problems?.Count ?? 0) == 0;
}

/// <summary>A head the operator expects (from a checkpoint in the log): the register had <paramref name="Entries"/> entries, the last hashing to <paramref name="Head"/>.</summary>
/// <param name="Entries">Entries.</param>
/// <param name="Head">The last one's hash.</param>
public sealed record RegisterHead(long Entries, string Head);

/// <summary>
/// The conflict-of-interest register (port): append-only, each entry hashing the one before under a key the database
/// doesn't hold, so any later change to a stored declaration, or removal of the last ones, is detectable.
/// </summary>
public interface IDeclarationRegister
{
    /// <summary>Stores a declaration at the end of the chain; returns it only once it is committed.</summary>
    Task<DeclarationRecord> AppendAsync(DeclarationEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a declaration made by one card press (<paramref name="pressId"/>) once: a second call with the same press
    /// (a double click, a Teams retry) stores nothing and returns the entry the first stored.
    /// </summary>
    Task<DeclarationRecord> AppendOnceAsync(DeclarationEntry entry, string pressId, CancellationToken cancellationToken);

    /// <summary>A board's declarations (optionally for one item), oldest first.</summary>
    Task<IReadOnlyList<DeclarationRecord>> ListAsync(string boardName, string? item, CancellationToken cancellationToken);

    /// <summary>The declarations for one agenda item (its title on its meeting), oldest first.</summary>
    Task<IReadOnlyList<DeclarationRecord>> ListForItemAsync(DeclarationItem item, CancellationToken cancellationToken);

    /// <summary>Recomputes every keyed hash and link of the register and the audit log, and checks them against their checkpoints.</summary>
    Task<RegisterVerification> VerifyAsync(CancellationToken cancellationToken);

    /// <summary>As <see cref="VerifyAsync(CancellationToken)"/>, also checking the register reaches <paramref name="expected"/>.</summary>
    Task<RegisterVerification> VerifyAsync(RegisterHead? expected, CancellationToken cancellationToken);
}
