using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Semantic;
using PartnershipBot.Features.TermsOfReference.Text;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>
/// The dense half of the ranking, over a stand-in embedder (word-count vectors, so the test needs no model): lexical
/// until the model is ready and the board's passages are stored, then a similarity per passage.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public class DenseSimilarityTests
{
    private const string Sample = "000_e0a2c374443756be.txt";

    [Fact]
    public void With_embeddings_off_the_engine_answers_exactly_as_lexically()
    {
        var board = TestBoards.LoadSample(Sample);
        var off = new NoSentenceEmbedder();
        var dense = new DenseSimilarity(off, off);
        _ = dense.PrepareAsync(board);

        Assert.Null(dense.For(board, "what's the quorum?"));
        foreach (var question in new[] { "what's the quorum?", "who chairs the board?", "how often does it meet?", "is there parking?" })
        {
            var hybrid = new TorLibrary([board], dense.For).Ask(question);
            var lexical = new TorLibrary([board]).Ask(question);
            Assert.Equal(lexical.Answer, hybrid.Answer);
            Assert.Equal(lexical.Answered, hybrid.Answered);
        }

        Assert.True(new TorLibrary([board], dense.For).Ask("how often does the board meet?").Answered);
    }

    [Fact]
    public async Task A_board_is_lexical_until_its_passages_are_stored_then_each_passage_gets_a_similarity()
    {
        var board = TestBoards.LoadSample(Sample);
        var embedder = new WordCountEmbedder();
        var dense = new DenseSimilarity(embedder, embedder);

        Assert.Null(dense.For(board, "how often will the board meet?"));
        Assert.Equal(0, embedder.Stored);

        embedder.Release();
        await dense.PrepareAsync(board);
        var similarity = dense.For(board, "how often will the board meet?");

        Assert.NotNull(similarity);
        Assert.Equal(board.Passages.Select(p => p.Text).Distinct().Count(), embedder.Stored);
        var best = board.Passages.MaxBy(p => similarity(p))!;
        Assert.Contains("meet", best.Text, StringComparison.OrdinalIgnoreCase);
        Assert.All(board.Passages, p => Assert.InRange(similarity(p)!.Value, -1, 1));
        Assert.True(new TorLibrary([board], dense.For).Ask("how often does the board meet?").Answered);
    }

    [Fact]
    public async Task A_board_re_ingested_unchanged_embeds_nothing_new()
    {
        var embedder = new WordCountEmbedder();
        embedder.Release();
        var dense = new DenseSimilarity(embedder, embedder);
        await dense.PrepareAsync(TestBoards.LoadSample(Sample));
        var calls = embedder.Embedded;

        await dense.PrepareAsync(TestBoards.LoadSample(Sample));

        Assert.Equal(calls, embedder.Embedded);
    }

    /// <summary>Vectors of hashed word counts, unit length; passages wait for <see cref="Release"/>, as for a model loading.</summary>
    private sealed class WordCountEmbedder : ISentenceEmbedder, IPassageEmbeddingIndex
    {
        private const int Dimension = 64;
        private readonly Dictionary<string, float[]> store = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsReady => true;

        public int Stored
        {
            get
            {
                lock (store)
                {
                    return store.Count;
                }
            }
        }

        public int Embedded { get; private set; }

        public void Release() => loaded.TrySetResult();

        public float[]? TryEmbed(string text, EmbeddingRole role) => Vector(text);

        public async Task EmbedPassagesAsync(IEnumerable<string> texts, CancellationToken cancellationToken)
        {
            var wanted = texts.Select(EmbeddingText.Normalize).ToList();
            await loaded.Task.WaitAsync(cancellationToken);
            lock (store)
            {
                foreach (var text in wanted.Where(t => !store.ContainsKey(t)))
                {
                    store[text] = Vector(text);
                    Embedded++;
                }
            }
        }

        public float[]? StoredVector(string text)
        {
            lock (store)
            {
                return store.GetValueOrDefault(EmbeddingText.Normalize(text));
            }
        }

        private static float[] Vector(string text)
        {
            var vector = new float[Dimension];
            foreach (var key in Words.Keys(text))
            {
                vector[(int)((uint)StableHash(key) % Dimension)] += 1;
            }

            return VectorMath.Normalized(vector);
        }

        // string.GetHashCode is randomised per process; a test wants the same vectors every run.
        private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));
    }
}
