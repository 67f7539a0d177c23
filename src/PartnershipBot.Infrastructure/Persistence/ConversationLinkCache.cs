using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Conversations;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// Which board each conversation is linked to, as this process last read or wrote it. Every ToR question looks
/// its conversation's link up, and a database read per question was about a tenth of a turn's CPU. Used only
/// with the embedded database, where this process is the only writer of links (a shared PostgreSQL has other
/// instances changing them, so there every lookup reads). A read that raced with a link change is never kept:
/// a change bumps the generation, and a read is stored only if no change happened while it ran.
/// </summary>
internal sealed class ConversationLinkCache
{
    private readonly PerConversation<ConversationBoardLink?> links = new(10_000);
    private long generation;

    /// <summary>The current generation; pass it to <see cref="Offer"/> with what was read after taking it.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>The remembered link (null: known not to be linked), if any.</summary>
    public bool TryGet(string conversationId, out ConversationBoardLink? link) => links.TryGet(conversationId, out link);

    /// <summary>Remembers what a read returned, unless a link changed since <paramref name="readAt"/>.</summary>
    public void Offer(string conversationId, ConversationBoardLink? link, long readAt)
    {
        if (Generation != readAt)
        {
            return;
        }

        links.Set(conversationId, link);
        // A change that landed between the check and the set has already removed its entry; take ours back out.
        if (Generation != readAt)
        {
            links.Remove(conversationId);
        }
    }

    /// <summary>After a link or unlink has committed (or failed): forget the conversation's link.</summary>
    public void Changed(string conversationId)
    {
        Interlocked.Increment(ref generation);
        links.Remove(conversationId);
    }
}
