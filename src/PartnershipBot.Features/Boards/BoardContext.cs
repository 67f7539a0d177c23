using System.Diagnostics.CodeAnalysis;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Boards;

/// <summary>
/// The conversation's board as a route may use it this turn: tenant checked, the actor's roles read, the ToR model
/// when the board has one, and its working-day calendar on demand (a store read, so only routes that count days pay it).
/// </summary>
public sealed class BoardContext
{
    private readonly BoardWorkingDays workingDays;
    private readonly TermsOfReferenceModel? terms;

    internal BoardContext(BoardAccess access, TermsOfReferenceModel? terms, string conversationId, BoardWorkingDays workingDays)
    {
        Access = access;
        this.terms = terms;
        ConversationId = conversationId;
        this.workingDays = workingDays;
    }

    /// <summary>The actor's access to the board (roles, admin, linked).</summary>
    public BoardAccess Access { get; }

    /// <summary>The board's name as stored with its ToR.</summary>
    public string Name => Access.BoardName;

    /// <summary>The linked conversation as a place (the channel for a thread of it).</summary>
    public string ConversationId { get; }

    /// <summary>The board's ToR; only for a <see cref="BoardRequest"/> with <see cref="BoardRequest.NeedsTerms"/>, which guarantees it.</summary>
    public TermsOfReferenceModel Terms => terms ?? throw new InvalidOperationException($"The {Name} has no ToR loaded: ask the resolver with NeedsTerms.");

    /// <summary>The board's ToR when the library has it, else null.</summary>
    public TermsOfReferenceModel? TermsOrNull => terms;

    /// <summary>The calendar the board counts deadlines in (its nation's bank holidays).</summary>
    public Task<UkWorkingDays> WorkingDaysAsync(CancellationToken cancellationToken) => workingDays.ForAsync(Name, cancellationToken);
}

/// <summary>Why a route may not go on.</summary>
public enum BoardDenial
{
    /// <summary>Allowed.</summary>
    None,
    /// <summary>The conversation has no board this tenant may use (or, when the ToR was needed, none with a ToR).</summary>
    NotLinked,
    /// <summary>Linked, but the actor lacks the duty asked for.</summary>
    Refused,
}

/// <summary>The resolver's answer: the board to act on, or the refusal to send (never both).</summary>
/// <param name="Board">The board context when allowed.</param>
/// <param name="Refusal">The text to reply with when not.</param>
/// <param name="Denial">Why not, for routes that answer a refusal with a card rather than text.</param>
/// <param name="LinkedBoard">The linked board's name when the turn's tenant may use it (allowed or refused), else null.</param>
public sealed record BoardGate(BoardContext? Board, string? Refusal, BoardDenial Denial, string? LinkedBoard)
{
    /// <summary>True when the route may act on <see cref="Board"/>.</summary>
    [MemberNotNullWhen(true, nameof(Board))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Allowed => Board is not null;
}
