namespace PartnershipBot.Features.Boards;

/// <summary>A board and the roles one person holds on it (the secretariat tab's list of "my boards").</summary>
/// <param name="BoardName">The board's name as stored with its ToR.</param>
/// <param name="Roles">The person's roles on it; empty only in local mode, which lists every board.</param>
public sealed record HeldBoard(string BoardName, IReadOnlyList<BoardRole> Roles);
