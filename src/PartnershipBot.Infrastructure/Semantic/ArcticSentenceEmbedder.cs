using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PartnershipBot.Features.TermsOfReference.Semantic;
using PartnershipBot.Infrastructure.Persistence;

namespace PartnershipBot.Infrastructure.Semantic;

/// <summary>
/// The sentence embedder over arctic-embed-xs. <see cref="Start"/> loads the stored passage vectors and the model
/// on a background thread, so the bot answers (lexically) at once and <see cref="IsReady"/> turns true about two
/// seconds later. Passage vectors are kept in memory and in <c>passage_embeddings</c> (in memory only when there is no
/// store: <c>eval</c>, which must not write the bot's data); query vectors only in a small in-memory LRU. Thread-safe.
/// </summary>
public sealed partial class ArcticSentenceEmbedder(
    Func<ArcticEmbeddingModel> loadModel, bool ownsModel, PassageEmbeddingStore? store, ILogger<ArcticSentenceEmbedder> logger)
    : ISentenceEmbedder, IPassageEmbeddingIndex, IDisposable
{
    // Small batches let a member's question get the model between two batches of a background ingestion.
    private const int BatchSize = 16;
    private const int QueryCacheSize = 512;

    private readonly ConcurrentDictionary<string, float[]> passages = new(StringComparer.Ordinal);
    private readonly QueryVectorCache queries = new(QueryCacheSize);
    private readonly SemaphoreSlim ingestion = new(1, 1);
    private readonly TaskCompletionSource<bool> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock startGate = new();
    private ArcticEmbeddingModel? model;
    private bool started;
    private long textsEmbedded;

    /// <summary>Over the package's model, loaded by <see cref="Start"/>.</summary>
    public ArcticSentenceEmbedder(PassageEmbeddingStore store, ILogger<ArcticSentenceEmbedder> logger)
        : this(ArcticEmbeddingModel.Load, ownsModel: true, store, logger)
    {
    }

    /// <inheritdoc />
    public bool IsReady => Volatile.Read(ref model) is not null;

    /// <summary>How many texts this instance has sent to the model (a stored or cached vector is not counted).</summary>
    public long TextsEmbedded => Interlocked.Read(ref textsEmbedded);

    /// <summary>Completes with true once ready, or false if loading failed.</summary>
    public Task<bool> WhenReady => ready.Task;

    /// <summary>Starts loading in the background (once; later calls do nothing).</summary>
    public void Start()
    {
        lock (startGate)
        {
            if (started)
            {
                return;
            }

            started = true;
        }

        _ = Task.Run(LoadAsync);
    }

    /// <inheritdoc />
    public float[]? TryEmbed(string text, EmbeddingRole role)
    {
        ArgumentNullException.ThrowIfNull(text);
        var loaded = Volatile.Read(ref model);
        var normalized = EmbeddingText.Normalize(text);
        if (loaded is null || normalized.Length == 0)
        {
            return null;
        }

        try
        {
            if (role == EmbeddingRole.Query)
            {
                if (queries.TryGet(normalized, out var cachedQuery))
                {
                    return cachedQuery;
                }

                var query = Embed(loaded, [ArcticEmbeddingModel.QueryPrefix + normalized])[0];
                queries.Add(normalized, query);
                return query;
            }

            var key = Hash(normalized);
            if (passages.TryGetValue(key, out var cached))
            {
                return cached;
            }

            // A passage the ingestion split didn't produce: embed it now and keep it, for this run and the next.
            var vector = Embed(loaded, [normalized])[0];
            passages[key] = vector;
            _ = PersistAsync([(key, vector)]);
            return vector;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEmbedFailed(logger, ex);
            return null;
        }
    }

    /// <inheritdoc />
    public float[]? StoredVector(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return passages.TryGetValue(Hash(EmbeddingText.Normalize(text)), out var vector) ? vector : null;
    }

    /// <inheritdoc />
    public async Task EmbedPassagesAsync(IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var wanted = texts.Select(EmbeddingText.Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(t => (Text: t, Key: Hash(t))).ToList();
        if (!await ready.Task.WaitAsync(cancellationToken) || Volatile.Read(ref model) is not { } loaded)
        {
            return;
        }

        await ingestion.WaitAsync(cancellationToken);
        try
        {
            // Sorted by length so each batch pads little.
            var missing = wanted.Where(w => !passages.ContainsKey(w.Key)).OrderBy(w => w.Text.Length).ToList();
            foreach (var batch in missing.Chunk(BatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var vectors = await Task.Run(() => Embed(loaded, [.. batch.Select(b => b.Text)]), cancellationToken);
                var rows = batch.Select((b, i) => (b.Key, vectors[i])).ToList();
                foreach (var (key, vector) in rows)
                {
                    passages[key] = vector;
                }

                if (store is not null)
                {
                    await store.SaveAsync(ArcticEmbeddingModel.Name, rows, cancellationToken);
                }
            }

            if (missing.Count > 0)
            {
                LogEmbedded(logger, missing.Count, wanted.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEmbedFailed(logger, ex);
        }
        finally
        {
            ingestion.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ingestion.Dispose();
        if (ownsModel)
        {
            Interlocked.Exchange(ref model, null)?.Dispose();
        }
    }

    /// <summary>The key of a normalised text: hex SHA-256 of its UTF-8.</summary>
    internal static string Hash(string normalized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));

    private float[][] Embed(ArcticEmbeddingModel loaded, IReadOnlyList<string> texts)
    {
        var vectors = loaded.Encode(texts, CancellationToken.None);
        Interlocked.Add(ref textsEmbedded, texts.Count);
        return vectors;
    }

    private async Task LoadAsync()
    {
        try
        {
            var since = TimeProvider.System.GetTimestamp();
            var stored = store is null ? new Dictionary<string, float[]>() : await store.LoadAllAsync(ArcticEmbeddingModel.Name, CancellationToken.None);
            foreach (var (key, vector) in stored)
            {
                if (vector.Length == ArcticEmbeddingModel.Dimension)
                {
                    passages.TryAdd(key, vector);
                }
            }

            var loaded = loadModel();
            Volatile.Write(ref model, loaded);
            var milliseconds = TimeProvider.System.GetElapsedTime(since).TotalMilliseconds;
            LogReady(logger, passages.Count, milliseconds);
            ready.TrySetResult(true);
        }
        catch (Exception ex)
        {
            // Embeddings are an improvement, not a dependency: the bot goes on answering lexically.
            LogLoadFailed(logger, ex);
            ready.TrySetResult(false);
        }
    }

    private async Task PersistAsync(IReadOnlyCollection<(string Hash, float[] Vector)> rows)
    {
        if (store is null)
        {
            return;
        }

        try
        {
            await store.SaveAsync(ArcticEmbeddingModel.Name, rows, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogEmbedFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Sentence embeddings ready ({StoredPassages} stored passage vectors) after {Milliseconds:F0} ms")]
    private static partial void LogReady(ILogger logger, int storedPassages, double milliseconds);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "The sentence-embedding model could not be loaded; ToR answers stay lexical")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Embedding failed; that answer is lexical")]
    private static partial void LogEmbedFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Embedded {Embedded} new passages of {Passages}")]
    private static partial void LogEmbedded(ILogger logger, int embedded, int passages);
}
