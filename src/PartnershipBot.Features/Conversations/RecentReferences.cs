using System.Collections.Concurrent;

namespace PartnershipBot.Features.Conversations;

/// <summary>
/// Remembers, per conversation, what was last stored and when, so a busy conversation isn't rewritten on every
/// message: the reference only needs saving when something proactive sends depend on changed (service URL,
/// tenant, bot or user id) or it is an hour old. Writing on every turn made SQLite's single writer the
/// bottleneck under concurrent load. Bounded: cleared when it grows past <see cref="Capacity"/>.
/// </summary>
public sealed class RecentReferences(TimeProvider time)
{
    /// <summary>Most conversations remembered at once.</summary>
    public const int Capacity = 10_000;

    private static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (string Fingerprint, DateTimeOffset SavedAt)> saved = new(StringComparer.Ordinal);
    private int remembered;

    /// <summary>True when <paramref name="reference"/> differs from what was stored, or was stored over an hour ago.</summary>
    public bool NeedsSaving(ConversationReferenceRecord reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return !saved.TryGetValue(reference.ConversationId, out var last)
            || last.Fingerprint != Fingerprint(reference)
            || time.GetUtcNow() - last.SavedAt > RefreshAfter;
    }

    /// <summary>Notes that <paramref name="reference"/> is now stored.</summary>
    public void Saved(ConversationReferenceRecord reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var entry = (Fingerprint(reference), time.GetUtcNow());
        if (!saved.TryAdd(reference.ConversationId, entry))
        {
            saved[reference.ConversationId] = entry;
            return;
        }

        // Counted here rather than with saved.Count, which takes every lock of the dictionary on each call and
        // made this bookkeeping a point of contention between concurrent turns.
        if (Interlocked.Increment(ref remembered) > Capacity)
        {
            saved.Clear();
            Interlocked.Exchange(ref remembered, 0);
        }
    }

    /// <summary>Forgets a conversation (it was removed), so its next reference is stored.</summary>
    public void Forget(string conversationId)
    {
        if (saved.TryRemove(conversationId, out _))
        {
            Interlocked.Decrement(ref remembered);
        }
    }

    private static string Fingerprint(ConversationReferenceRecord r) =>
        string.Join('\n', r.ServiceUrl, r.ChannelId, r.TenantId, r.ConversationType, r.UserAadObjectId, r.BotId);
}
