using System.Collections.Concurrent;

namespace PartnershipBot.Features.Conversations;

/// <summary>
/// A small in-memory note per conversation, bounded: when it holds more than <paramref name="capacity"/>
/// conversations it starts again empty. Only for things that are cheap to forget (a cache, a conversational
/// convenience), since a bot meets an unbounded number of conversations over its life.
/// </summary>
/// <typeparam name="T">What is noted.</typeparam>
/// <param name="capacity">Most conversations held at once.</param>
public sealed class PerConversation<T>(int capacity)
{
    private readonly ConcurrentDictionary<string, T> notes = new(StringComparer.Ordinal);
    private int held;

    /// <summary>The note for a conversation, if any.</summary>
    public bool TryGet(string conversationId, out T value) => notes.TryGetValue(conversationId, out value!);

    /// <summary>Sets the note for a conversation.</summary>
    public void Set(string conversationId, T value)
    {
        if (!notes.TryAdd(conversationId, value))
        {
            notes[conversationId] = value;
            return;
        }

        // Counted here rather than with notes.Count, which takes every lock of the dictionary on each call and
        // made this bookkeeping a point of contention between concurrent turns.
        if (Interlocked.Increment(ref held) > capacity)
        {
            notes.Clear();
            Interlocked.Exchange(ref held, 0);
        }
    }

    /// <summary>Forgets a conversation.</summary>
    public void Remove(string conversationId)
    {
        if (notes.TryRemove(conversationId, out _))
        {
            Interlocked.Decrement(ref held);
        }
    }
}
