using System.Collections.Concurrent;
using PartnershipBot.Features.Boards;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// Every conversation→board link, held in memory, for the embedded database only. Every ToR question looks its
/// conversation's link up, usually to find there is none (links are a few per board; conversations are many), and
/// a database read per question was about a tenth of a turn's CPU. On SQLite this process is the only writer of
/// links, so the table is loaded once and then changed in step with the database: each change is written and
/// applied here under one lock, so the two never disagree. (A shared PostgreSQL has other instances changing
/// links, so there every lookup reads.)
/// </summary>
// The semaphore never creates its wait handle (AvailableWaitHandle is not used), so there is nothing to dispose
// for a table that lives as long as the process.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "SemaphoreSlim without a wait handle holds no unmanaged resource.")]
internal sealed class EmbeddedLinkTable(Func<CancellationToken, Task<IReadOnlyList<ConversationBoardLink>>> loadAll)
{
    private readonly SemaphoreSlim changes = new(1, 1);
    private ConcurrentDictionary<string, ConversationBoardLink>? links;

    /// <summary>The conversation's link, or null.</summary>
    public async ValueTask<ConversationBoardLink?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        (await LoadedAsync(cancellationToken)).TryGetValue(conversationId, out var link) ? link : null;

    /// <summary>Writes a change to the database with <paramref name="write"/>, then applies it here, both under the lock.</summary>
    public async Task<T> ChangeAsync<T>(string conversationId, Func<Task<T>> write, ConversationBoardLink? after, CancellationToken cancellationToken)
    {
        var table = await LoadedAsync(cancellationToken);
        await changes.WaitAsync(cancellationToken);
        try
        {
            var result = await write();
            if (after is null)
            {
                table.TryRemove(conversationId, out _);
            }
            else
            {
                table[conversationId] = after;
            }

            return result;
        }
        finally
        {
            changes.Release();
        }
    }

    private async ValueTask<ConcurrentDictionary<string, ConversationBoardLink>> LoadedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref links) is { } loaded)
        {
            return loaded;
        }

        // Loaded under the change lock, so no change can land between the read and the table taking over.
        await changes.WaitAsync(cancellationToken);
        try
        {
            if (links is null)
            {
                var all = await loadAll(cancellationToken);
                Volatile.Write(ref links, new ConcurrentDictionary<string, ConversationBoardLink>(all.Select(l => KeyValuePair.Create(l.ConversationId, l)), StringComparer.Ordinal));
            }

            return links!;
        }
        finally
        {
            changes.Release();
        }
    }
}
