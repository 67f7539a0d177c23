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
    private readonly PerConversation<(string Fingerprint, DateTimeOffset SavedAt)> saved = new(Capacity);

    /// <summary>True when <paramref name="reference"/> differs from what was stored, or was stored over an hour ago.</summary>
    public bool NeedsSaving(ConversationReferenceRecord reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return !saved.TryGet(reference.ConversationId, out var last)
            || last.Fingerprint != Fingerprint(reference)
            || time.GetUtcNow() - last.SavedAt > RefreshAfter;
    }

    /// <summary>Notes that <paramref name="reference"/> is now stored.</summary>
    public void Saved(ConversationReferenceRecord reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        saved.Set(reference.ConversationId, (Fingerprint(reference), time.GetUtcNow()));
    }

    /// <summary>Forgets a conversation (it was removed), so its next reference is stored.</summary>
    public void Forget(string conversationId) => saved.Remove(conversationId);

    private static string Fingerprint(ConversationReferenceRecord r) =>
        string.Join('\n', r.ServiceUrl, r.ChannelId, r.TenantId, r.ConversationType, r.UserAadObjectId, r.BotId);
}
