using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PartnershipBot.Features.TermsOfReference.Semantic;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Infrastructure.Semantic;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Semantic;

/// <summary>The real arctic-embed-xs model, loaded once for the class (about 2 s), shared by embedders that don't own it.</summary>
public sealed class ArcticModelFixture : IDisposable
{
    public ArcticEmbeddingModel Model { get; } = ArcticEmbeddingModel.Load();

    public void Dispose() => Model.Dispose();
}

/// <summary>The model-backed embedder over a real database: vectors, readiness, and vectors surviving a restart.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ArcticSentenceEmbedderTests(ArcticModelFixture fixture) : IClassFixture<ArcticModelFixture>
{
    public static TheoryData<string> Providers() => [.. TestDatabase.Providers()];

    [Theory]
    [InlineData("how often does the board meet?", EmbeddingRole.Query)]
    [InlineData("The Board will meet quarterly, and at other times the Chair calls.", EmbeddingRole.Passage)]
    public async Task Queries_and_passages_embed_to_unit_vectors_of_the_models_dimension(string text, EmbeddingRole role)
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        using var embedder = await ReadyEmbedderAsync(database.Factory());

        var vector = embedder.TryEmbed(text, role);

        Assert.NotNull(vector);
        Assert.Equal(ArcticEmbeddingModel.Dimension, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 4);
    }

    [Theory]
    [InlineData("How many members make a quorum?", "Four members shall form a quorum.", "Papers are published on the council website.")]
    [InlineData("Who keeps the minutes?", "The Committee Administrator will take minutes.", "Membership is reviewed every year.")]
    [InlineData("The chair is elected every May.", "Each May the members elect a chairman.", "Parking is available behind the hall.")]
    public async Task Sentences_alike_in_meaning_score_higher_than_unrelated_ones(string text, string alike, string unrelated)
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        using var embedder = await ReadyEmbedderAsync(database.Factory());

        var role = text.EndsWith('?') ? EmbeddingRole.Query : EmbeddingRole.Passage;
        var vector = embedder.TryEmbed(text, role)!;
        var near = VectorMath.Cosine(vector, embedder.TryEmbed(alike, EmbeddingRole.Passage)!);
        var far = VectorMath.Cosine(vector, embedder.TryEmbed(unrelated, EmbeddingRole.Passage)!);

        Assert.True(near > far, $"alike {near:F3} vs unrelated {far:F3}");
    }

    [Fact]
    public async Task A_question_is_nearer_the_sentence_that_answers_it()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        using var embedder = await ReadyEmbedderAsync(database.Factory());

        var query = embedder.TryEmbed("how often does the board meet?", EmbeddingRole.Query)!;
        var meets = embedder.TryEmbed("The Board will meet quarterly.", EmbeddingRole.Passage)!;
        var chair = embedder.TryEmbed("The Chair is elected annually.", EmbeddingRole.Passage)!;

        Assert.True(VectorMath.Cosine(query, meets) > VectorMath.Cosine(query, chair),
            $"meet {VectorMath.Cosine(query, meets):F3} vs chair {VectorMath.Cosine(query, chair):F3}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Passages_embedded_at_ingestion_are_not_embedded_again_after_a_restart(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] passages = ["The Board will meet quarterly.", "The Chair is elected annually.", "The quorum is three members."];
        float[] before;
        using (var first = await ReadyEmbedderAsync(database.Factory()))
        {
            await first.EmbedPassagesAsync(passages, CancellationToken.None);
            Assert.Equal(3, first.TextsEmbedded);
            await first.EmbedPassagesAsync(passages, CancellationToken.None);
            Assert.Equal(3, first.TextsEmbedded);
            before = first.TryEmbed("The Chair is elected annually.", EmbeddingRole.Passage)!;
        }

        using var second = await ReadyEmbedderAsync(database.Factory());
        await second.EmbedPassagesAsync(passages, CancellationToken.None);
        var after = second.TryEmbed("The  Chair is elected\nannually.", EmbeddingRole.Passage);

        Assert.Equal(0, second.TextsEmbedded);
        Assert.Equal(before, after);
        second.TryEmbed("A passage nobody stored.", EmbeddingRole.Passage);
        Assert.Equal(1, second.TextsEmbedded);
    }

    [Fact]
    public async Task Before_the_model_has_loaded_it_is_not_ready_and_answers_null()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        using var release = new ManualResetEventSlim();
        using var embedder = new ArcticSentenceEmbedder(() => { release.Wait(); return fixture.Model; }, ownsModel: false, new PassageEmbeddingStore(database.Factory()), NullLogger<ArcticSentenceEmbedder>.Instance);
        embedder.Start();

        Assert.False(embedder.IsReady);
        Assert.Null(embedder.TryEmbed("who is the chair?", EmbeddingRole.Query));
        var ingestion = embedder.EmbedPassagesAsync(["The Chair is elected annually."], CancellationToken.None);
        Assert.False(ingestion.IsCompleted);

        release.Set();
        Assert.True(await embedder.WhenReady.WaitAsync(TimeSpan.FromSeconds(30)));
        await ingestion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(embedder.IsReady);
        Assert.Equal(1, embedder.TextsEmbedded);
        Assert.NotNull(embedder.TryEmbed("who is the chair?", EmbeddingRole.Query));
    }

    [Fact]
    public async Task A_model_that_fails_to_load_leaves_answers_lexical()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        using var embedder = new ArcticSentenceEmbedder(() => throw new InvalidOperationException("no model"), ownsModel: false, new PassageEmbeddingStore(database.Factory()), NullLogger<ArcticSentenceEmbedder>.Instance);
        embedder.Start();

        Assert.False(await embedder.WhenReady.WaitAsync(TimeSpan.FromSeconds(30)));
        await embedder.EmbedPassagesAsync(["The Chair is elected annually."], CancellationToken.None);
        Assert.Null(embedder.TryEmbed("who is the chair?", EmbeddingRole.Query));
        Assert.False(embedder.IsReady);
    }

    [Fact]
    public async Task Off_registers_the_embedder_that_always_answers_null_and_loads_nothing()
    {
        var services = Embeddings("Off");
        services.StartSentenceEmbeddings();
        var embedder = services.GetRequiredService<ISentenceEmbedder>();

        Assert.IsType<NoSentenceEmbedder>(embedder);
        Assert.False(embedder.IsReady);
        Assert.Null(embedder.TryEmbed("how often does the board meet?", EmbeddingRole.Query));
        await services.GetRequiredService<IPassageEmbeddingIndex>().EmbedPassagesAsync(["x"], CancellationToken.None);
        await services.DisposeAsync();
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    public async Task Anything_but_On_or_Off_stops_start_up_naming_the_key(string value)
    {
        await using var services = Embeddings(value);

        // The binder refuses a word (InvalidOperationException), the validator a number it took as an enum value.
        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.True(error is InvalidOperationException or OptionsValidationException, error.GetType().Name);
        Assert.Contains(SentenceEmbeddingRegistration.Key, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Embeddings(string value) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([new(SentenceEmbeddingRegistration.Key, value)]).Build())
            .AddSentenceEmbeddings()
            .BuildServiceProvider();

    private async Task<ArcticSentenceEmbedder> ReadyEmbedderAsync(IDatabase database)
    {
        var embedder = new ArcticSentenceEmbedder(() => fixture.Model, ownsModel: false, new PassageEmbeddingStore(database), NullLogger<ArcticSentenceEmbedder>.Instance);
        embedder.Start();
        Assert.True(await embedder.WhenReady.WaitAsync(TimeSpan.FromSeconds(60)));
        return embedder;
    }
}
