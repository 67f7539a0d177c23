using System.Collections.Concurrent;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// Small writes from many concurrent callers committed together. Each caller's task completes only once the
/// transaction holding its row has committed, so nothing is acknowledged before it is durable; but while one
/// batch commits, the rows that arrive meanwhile queue up and share the next commit. On SQLite every commit is
/// an fsync of the one writer, so N concurrent turns cost one sync instead of N (the single writer capped turns
/// at a few hundred a second when each turn committed its own row).
/// </summary>
/// <typeparam name="T">One row to write.</typeparam>
/// <param name="writeBatch">Writes the rows, in order, in one transaction, and commits it.</param>
/// <param name="maxBatch">Most rows in one transaction.</param>
public sealed class GroupCommit<T>(Func<IReadOnlyList<T>, CancellationToken, Task> writeBatch, int maxBatch = 64)
{
    private readonly ConcurrentQueue<(T Row, TaskCompletionSource Stored)> pending = new();
    private int draining;

    /// <summary>
    /// Queues <paramref name="row"/> and completes once it is committed, or with the error that stopped it. A
    /// cancelled caller stops waiting, but a row already queued is still written.
    /// </summary>
    public Task WriteAsync(T row, CancellationToken cancellationToken)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Enqueue((row, stored));
        if (Interlocked.CompareExchange(ref draining, 1, 0) == 0)
        {
            // On the thread pool, not inline: a caller must not end up committing everyone else's rows for as long
            // as load lasts.
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return stored.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<(T Row, TaskCompletionSource Stored)>(Math.Min(maxBatch, pending.Count + 1));
            while (batch.Count < maxBatch && pending.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref draining, 0);
                // A row queued between the last dequeue and the reset found draining set and left it to us.
                if (pending.IsEmpty || Interlocked.CompareExchange(ref draining, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<(T Row, TaskCompletionSource Stored)> batch)
    {
        try
        {
            await writeBatch(batch.ConvertAll(b => b.Row), CancellationToken.None);
            batch.ForEach(b => b.Stored.TrySetResult());
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One bad row must not fail its neighbours: write them one by one, so only the bad one reports an error.
            foreach (var single in batch)
            {
                await CommitAsync([single]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Stored.TrySetException(ex);
        }
    }
}
