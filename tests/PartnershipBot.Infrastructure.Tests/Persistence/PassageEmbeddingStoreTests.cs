using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>The passage-vector store on each provider (PostgreSQL when PARTNERSHIPBOT_TEST_POSTGRES is set, and always in CI).</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class PassageEmbeddingStoreTests
{
    public static TheoryData<string> Providers() => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Vectors_round_trip_bit_for_bit_per_model(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        float[] first = [0.5f, -0.25f, float.Epsilon, -0f, 1e-7f, 0.33333334f];
        float[] second = [1f, 0f, 0f, 0f, 0f, 0f];
        await new PassageEmbeddingStore(database.Factory()).SaveAsync("model-a", [("aa", first), ("bb", second)], CancellationToken.None);
        await new PassageEmbeddingStore(database.Factory()).SaveAsync("model-b", [("aa", second)], CancellationToken.None);

        // Another handle on the same database, as after a restart.
        var loaded = await new PassageEmbeddingStore(database.Factory()).LoadAllAsync("model-a", CancellationToken.None);

        Assert.Equal(["aa", "bb"], loaded.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(first.Select(BitConverter.SingleToInt32Bits), loaded["aa"].Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(second, loaded["bb"]);
        Assert.Equal(second, (await new PassageEmbeddingStore(database.Factory()).LoadAllAsync("model-b", CancellationToken.None))["aa"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_second_write_of_a_stored_text_keeps_the_first_and_does_not_fail(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new PassageEmbeddingStore(database.Factory());
        await store.SaveAsync("m", [("aa", [1f, 2f])], CancellationToken.None);

        await store.SaveAsync("m", [("aa", [3f, 4f]), ("cc", [5f, 6f])], CancellationToken.None);
        await store.SaveAsync("m", [], CancellationToken.None);

        var loaded = await store.LoadAllAsync("m", CancellationToken.None);
        Assert.Equal([1f, 2f], loaded["aa"]);
        Assert.Equal([5f, 6f], loaded["cc"]);
    }
}
