using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Infrastructure.Documents;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>ToR versions in a real SQLite file, and the library seeded from them.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TermsDocumentStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pb-store-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly TermsDocumentStore store;

    public TermsDocumentStoreTests()
    {
        store = new TermsDocumentStore(new SqliteDatabase(Path.Combine(directory, "bot.db")), time);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_new_version_keeps_the_old_one_and_becomes_the_latest()
    {
        await store.AddVersionAsync("Safer Westmarsh Board", "tor-2024.txt", "text/plain", "v1"u8.ToArray(), null, "cli", CancellationToken.None);
        time.Advance(TimeSpan.FromDays(30));
        await store.AddVersionAsync("safer  westmarsh board", "tor-2025.docx", "application/docx", "v2"u8.ToArray(), "{}", "cli", CancellationToken.None);

        var latest = await store.GetLatestAsync("SAFER WESTMARSH BOARD", CancellationToken.None);
        var history = await store.GetHistoryAsync("Safer Westmarsh Board", CancellationToken.None);

        Assert.Equal((2, "tor-2025.docx", "v2"), (latest!.Version, latest.FileName, System.Text.Encoding.UTF8.GetString(latest.Content)));
        Assert.Equal(time.GetUtcNow(), latest.StoredAt);
        Assert.Equal([1, 2], history.Select(h => h.Version));
        Assert.Equal("v1", System.Text.Encoding.UTF8.GetString(history[0].Content));
    }

    [Fact]
    public async Task ListLatest_gives_one_version_per_board()
    {
        await store.AddVersionAsync("A Board", "a1.txt", "text/plain", [1], null, "cli", CancellationToken.None);
        await store.AddVersionAsync("A Board", "a2.txt", "text/plain", [2], null, "cli", CancellationToken.None);
        await store.AddVersionAsync("B Board", "b1.txt", "text/plain", [3], null, "cli", CancellationToken.None);

        var latest = await store.ListLatestAsync(CancellationToken.None);

        Assert.Equal(["a2.txt", "b1.txt"], latest.Select(l => l.FileName));
    }

    [Fact]
    public async Task The_library_seeds_the_sample_ToRs_once_and_reads_them_back_from_the_store()
    {
        using var source = new StoredTorLibrarySource(store, new TorLibrarySourceOptions { SeedDirectory = RepositoryPaths.Combine("samples", "tor") }, NullLogger<StoredTorLibrarySource>.Instance);

        var library = await source.GetAsync(CancellationToken.None);
        source.Invalidate();
        var again = await source.GetAsync(CancellationToken.None);

        Assert.Equal(5, library.Boards.Count);
        Assert.Equal(5, again.Boards.Count);
        Assert.Equal(5, (await store.ListLatestAsync(CancellationToken.None)).Count);
        Assert.All(await store.ListLatestAsync(CancellationToken.None), v => Assert.Equal(1, v.Version));
        Assert.True(again.Ask("who chairs the Thurrock board?").Answered);
    }
}
