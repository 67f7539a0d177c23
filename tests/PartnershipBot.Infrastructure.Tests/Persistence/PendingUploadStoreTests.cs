using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>ToR uploads waiting for review, on SQLite and a real PostgreSQL server.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class PendingUploadStoreTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_upload_is_found_from_another_instance_and_taken_exactly_once(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var upload = new PendingUpload("u1", "tor.docx", "Safer Westmarsh Board", "Safer Westmarsh Board", [1, 2, 3], "aad-sec", Monday);
        await new PendingUploadStore(test.Factory()).SaveAsync(upload, CancellationToken.None);

        // A second handle stands in for the bot after a restart.
        var restarted = new PendingUploadStore(test.Factory());
        var found = await restarted.FindAsync("u1", CancellationToken.None);
        var takes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => restarted.TakeAsync("u1", CancellationToken.None)));

        Assert.Equal((upload.FileName, upload.NamedBoard, upload.UploadedBy, upload.UploadedAt), (found!.FileName, found.NamedBoard, found.UploadedBy, found.UploadedAt));
        Assert.Equal(upload.Content, found.Content);
        Assert.Single(takes, t => t is not null);
        Assert.Null(await restarted.FindAsync("u1", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Only_uploads_older_than_the_cutoff_are_cleared(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new PendingUploadStore(test.Factory());
        await store.SaveAsync(new PendingUpload("old", "a.txt", null, "A Board", [1], "p", Monday.AddDays(-8)), CancellationToken.None);
        await store.SaveAsync(new PendingUpload("new", "b.txt", null, "A Board", [2], "p", Monday.AddDays(-1)), CancellationToken.None);

        Assert.Equal(1, await store.DeleteOlderThanAsync(Monday.AddDays(-7), CancellationToken.None));
        Assert.Null(await store.FindAsync("old", CancellationToken.None));
        Assert.NotNull(await store.FindAsync("new", CancellationToken.None));
    }
}
