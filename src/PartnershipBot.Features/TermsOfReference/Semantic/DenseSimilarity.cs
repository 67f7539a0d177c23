using System.Runtime.CompilerServices;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Semantic;

/// <summary>
/// The dense half of the hybrid ranking: for a board and a question, each passage's similarity to the question, as
/// <see cref="Answering.TorLibrary"/> takes it. Null (so the answer is lexical) until the model is loaded and every
/// passage of the board has a stored vector; asking for a board starts embedding its passages in the background.
/// Thread-safe.
/// </summary>
public sealed class DenseSimilarity(ISentenceEmbedder embedder, IPassageEmbeddingIndex index)
{
    // Keyed by the model object: a re-ingested board is a new model, so it gets its vectors afresh (unchanged passages
    // are found stored, by text hash), and a dropped library's entries go with it.
    private readonly ConditionalWeakTable<TermsOfReferenceModel, BoardVectors> boards = [];

    /// <summary>
    /// Multiplies the signal, for measuring other dense weights with <c>eval --dense-weight</c> without rebuilding;
    /// 1 in the bot, where <see cref="Answering.PassageRanker.DenseWeight"/> alone weighs it.
    /// </summary>
    public double Scale { get; init; } = 1;

    /// <summary>Starts embedding <paramref name="board"/>'s passages in the background (stored ones are skipped).</summary>
    public Task PrepareAsync(TermsOfReferenceModel board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return boards.GetValue(board, Start).Embedding;
    }

    /// <summary>Each passage's similarity to <paramref name="question"/>, or null when the board can't be ranked densely yet.</summary>
    public Func<TorPassage, double?>? For(TermsOfReferenceModel board, string question)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(question);
        if (!embedder.IsReady)
        {
            return null;
        }

        var state = boards.GetValue(board, Start);
        if (!state.Embedding.IsCompletedSuccessfully || state.Vectors(index) is not { } vectors
            || embedder.TryEmbed(question, EmbeddingRole.Query) is not { } query)
        {
            return null;
        }

        var signal = Signal(query, vectors);
        return passage => passage.Id >= 0 && passage.Id < signal.Length ? signal[passage.Id] : null;
    }

    /// <summary>
    /// The cosine of each passage to the question, times <see cref="Scale"/>. Measured against a per-question rescaling
    /// (nearest passage 1, the board's median 0) with <c>eval --calibrate</c>, each document left out in turn: the plain
    /// cosine came out ahead at every weight tried, so it is used as it is.
    /// </summary>
    private double[] Signal(float[] query, float[][] vectors)
    {
        var signal = new double[vectors.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            signal[i] = Scale * Dot(query, vectors[i]);
        }

        return signal;
    }

    // Both vectors are unit length (the embedder normalises), so the dot product is the cosine.
    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return sum;
    }

    private BoardVectors Start(TermsOfReferenceModel board)
    {
        var texts = board.Passages.Select(p => p.Text).ToList();
        return new BoardVectors(texts, index.EmbedPassagesAsync(texts, CancellationToken.None));
    }

    /// <summary>One board's passage texts, their embedding in progress, and once it is done their vectors in passage order.</summary>
    private sealed class BoardVectors(IReadOnlyList<string> texts, Task embedding)
    {
        private float[][]? vectors;

        public Task Embedding { get; } = embedding;

        public float[][]? Vectors(IPassageEmbeddingIndex index)
        {
            if (Volatile.Read(ref vectors) is { } done)
            {
                return done;
            }

            var found = new float[texts.Count][];
            for (var i = 0; i < texts.Count; i++)
            {
                // A passage with no vector (its embedding failed) leaves the board lexical rather than half-dense; one
                // with no text to embed has nothing to be similar to.
                if (EmbeddingText.Normalize(texts[i]).Length == 0)
                {
                    found[i] = [];
                    continue;
                }

                if (index.StoredVector(texts[i]) is not { } vector)
                {
                    return null;
                }

                found[i] = vector;
            }

            Volatile.Write(ref vectors, found);
            return found;
        }
    }
}
