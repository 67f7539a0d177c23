using System.Collections.Concurrent;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>
/// Group commit: concurrent writes share transactions, each caller hears back only after its own row's commit,
/// and a row that cannot be written fails alone.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class GroupCommitTests
{
    private static readonly string[] Neighbours = ["a", "bad", "b"];

    [Fact]
    public async Task Concurrent_rows_are_written_once_each_in_fewer_commits_than_rows()
    {
        var commits = new ConcurrentQueue<IReadOnlyList<int>>();
        var group = new GroupCommit<int>(async (rows, cancellationToken) =>
        {
            await Task.Delay(5, cancellationToken);
            commits.Enqueue(rows);
        });

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => group.WriteAsync(i, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(0, 500), commits.SelectMany(c => c).Order());
        Assert.InRange(commits.Count, 500 / 64, 499);
        Assert.All(commits, c => Assert.InRange(c.Count, 1, 64));
    }

    [Fact]
    public async Task A_write_completes_only_after_the_commit_that_holds_it()
    {
        var commit = new TaskCompletionSource();
        var group = new GroupCommit<string>((_, _) => commit.Task);

        var write = group.WriteAsync("a:1", CancellationToken.None);
        await Task.Delay(50);
        Assert.False(write.IsCompleted);

        commit.SetResult();
        await write.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_row_that_cannot_be_written_fails_alone_and_its_neighbours_are_stored()
    {
        var stored = new ConcurrentBag<string>();
        var release = new TaskCompletionSource();
        var group = new GroupCommit<string>(async (rows, _) =>
        {
            await release.Task;
            if (rows.Contains("bad"))
            {
                throw new InvalidOperationException("constraint failed");
            }

            foreach (var row in rows)
            {
                stored.Add(row);
            }
        });

        // The first write holds the writer, so the next three queue up and are tried as one batch.
        var first = group.WriteAsync("first", CancellationToken.None);
        var writes = Neighbours.ToDictionary(r => r, r => group.WriteAsync(r, CancellationToken.None));
        release.SetResult();

        await first;
        await writes["a"];
        await writes["b"];
        await Assert.ThrowsAsync<InvalidOperationException>(() => writes["bad"]);
        Assert.Equal(["a", "b", "first"], stored.Order());
    }
}
