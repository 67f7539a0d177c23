namespace PartnershipBot.Features.Conversations;

/// <summary>
/// The board each conversation last asked a ToR question about (port), kept in the store so "and what's the quorum?"
/// still goes to that board after a restart or on another instance behind the load balancer.
/// </summary>
public interface ILastAskedBoards
{
    /// <summary>The board <paramref name="conversationId"/> (a conversation as a place) last asked about, or null.</summary>
    Task<string?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Notes that <paramref name="conversationId"/> has just asked about <paramref name="boardName"/>.</summary>
    Task RememberAsync(string conversationId, string boardName, DateTimeOffset at, CancellationToken cancellationToken);
}
