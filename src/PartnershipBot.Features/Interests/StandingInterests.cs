using PartnershipBot.Features.Declarations;

namespace PartnershipBot.Features.Interests;

/// <summary>The sections of a member's standing declaration, as the Nolan-style registers of UK public bodies group them.</summary>
public enum InterestSection
{
    /// <summary>Who the member works for.</summary>
    Employment,
    /// <summary>Companies or charities the member is a director or trustee of.</summary>
    Directorships,
    /// <summary>Other boards, committees and public bodies the member sits on.</summary>
    OtherBodies,
    /// <summary>Grants or contracts the member's organisation receives.</summary>
    Grants,
    /// <summary>Anything else the member wants on the record.</summary>
    Other,
}

/// <summary>The stored words and card labels of each <see cref="InterestSection"/>.</summary>
public static class InterestSections
{
    /// <summary>The sections in card order.</summary>
    public static IReadOnlyList<InterestSection> All { get; } = Enum.GetValues<InterestSection>();

    /// <summary>The section's stored word (also its card input id and CSV value); never change one already stored.</summary>
    public static string Code(InterestSection section) => section switch
    {
        InterestSection.Employment => "employment",
        InterestSection.Directorships => "directorships",
        InterestSection.OtherBodies => "other-bodies",
        InterestSection.Grants => "grants",
        _ => "other",
    };

    /// <summary>The section a stored word names, or null.</summary>
    public static InterestSection? Parse(string? code) => All.Cast<InterestSection?>().FirstOrDefault(s => Code(s!.Value) == code);

    /// <summary>The section's heading on the card.</summary>
    public static string Title(InterestSection section) => section switch
    {
        InterestSection.Employment => "Employment",
        InterestSection.Directorships => "Directorships and trusteeships",
        InterestSection.OtherBodies => "Other boards and bodies",
        InterestSection.Grants => "Grants or contracts your organisation receives",
        _ => "Other interests",
    };
}

/// <summary>One organisation named in a standing declaration.</summary>
/// <param name="Section">Which section it is in.</param>
/// <param name="Organisation">The organisation's name as the member gave it.</param>
/// <param name="Note">What the connection is, when given (e.g. "trustee since 2021").</param>
public sealed record StandingInterest(InterestSection Section, string Organisation, string? Note);

/// <summary>A member's standing declaration for one board, as saved.</summary>
/// <param name="BoardName">The board.</param>
/// <param name="PersonId">Whose declaration it is (Entra object id).</param>
/// <param name="PersonName">Their name when known.</param>
/// <param name="NothingToDeclare">True when they said they have no interests to declare (then <paramref name="Interests"/> is empty).</param>
/// <param name="Interests">The organisations named, in card order.</param>
/// <param name="RecordedBy">Who pressed Save: the member, or the secretariat recording it for them.</param>
/// <param name="DeclaredAt">When it was saved.</param>
public sealed record StandingDeclaration(
    string BoardName, string PersonId, string? PersonName, bool NothingToDeclare, IReadOnlyList<StandingInterest> Interests, string RecordedBy, DateTimeOffset DeclaredAt);

/// <summary>A stored version of a standing declaration, with its place in the keyed hash chain.</summary>
/// <param name="Sequence">Its number in the standing register (every board's versions share one chain).</param>
/// <param name="Version">1 for the member's first declaration on the board, 2 for the next, ...</param>
/// <param name="Declaration">What was declared.</param>
/// <param name="PreviousHash">The hash of the entry before it in the chain (empty for the first).</param>
/// <param name="Hash">Its keyed hash.</param>
public sealed record StandingRecord(long Sequence, int Version, StandingDeclaration Declaration, string PreviousHash, string Hash);

/// <summary>
/// The standing register of interests (port): append-only versions, never overwritten, chained and checked as the
/// per-item register is.
/// </summary>
public interface IStandingInterestRegister
{
    /// <summary>
    /// Stores a new version of the member's declaration, committed before this returns; a second call with the same
    /// <paramref name="pressId"/> (a double press, Execute and its Submit fallback) stores nothing and returns the first.
    /// </summary>
    Task<StandingRecord> AppendOnceAsync(StandingDeclaration declaration, string pressId, CancellationToken cancellationToken);

    /// <summary>The member's latest version on the board, or null when they have none.</summary>
    Task<StandingRecord?> LatestAsync(string boardName, string personId, CancellationToken cancellationToken);

    /// <summary>Each member's latest version on the board.</summary>
    Task<IReadOnlyList<StandingRecord>> CurrentAsync(string boardName, CancellationToken cancellationToken);

    /// <summary>Every version on the board, oldest first.</summary>
    Task<IReadOnlyList<StandingRecord>> HistoryAsync(string boardName, CancellationToken cancellationToken);

    /// <summary>Checks the chain: every entry's keyed hash and link, and its head against the audit log's record of it.</summary>
    Task<RegisterVerification> VerifyAsync(CancellationToken cancellationToken);
}
