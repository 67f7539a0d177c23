using Microsoft.Extensions.Logging.Abstractions;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Semantic;
using PartnershipBot.Infrastructure.Semantic;

namespace PartnershipBot.Cli;

/// <summary>
/// Sentence embeddings for the ToR verbs (<c>--embeddings on|off</c>): the bot's model, held in memory only, since a
/// command-line run must not write vectors into the bot's store. Unlike the bot, a verb waits for the model and for
/// its boards' passages before answering, so what it prints is the hybrid's answer, never the lexical fallback's.
/// </summary>
internal sealed class CliEmbeddings : IDisposable
{
    private readonly ArcticSentenceEmbedder embedder;

    private CliEmbeddings(ArcticSentenceEmbedder embedder, DenseSimilarity similarity)
    {
        this.embedder = embedder;
        Similarity = similarity;
    }

    /// <summary>The similarity the library ranks with.</summary>
    public DenseSimilarity Similarity { get; }

    /// <summary>Loads the model and waits for it; a usage error when it can't be loaded.</summary>
    /// <param name="scale">Multiplies the dense signal (<c>eval --dense-weight</c>); 1 is the bot's.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task<CliEmbeddings> LoadAsync(double scale, CancellationToken cancellationToken) =>
        await TryLoadAsync(scale, cancellationToken) ?? throw new CommandLineException("The sentence-embedding model could not be loaded; run with --embeddings off.");

    /// <summary>Loads the model and waits for it; null when it can't be loaded (the caller then answers lexically, as the bot does).</summary>
    public static async Task<CliEmbeddings?> TryLoadAsync(double scale, CancellationToken cancellationToken)
    {
        var embedder = new ArcticSentenceEmbedder(ArcticEmbeddingModel.Load, ownsModel: true, store: null, NullLogger<ArcticSentenceEmbedder>.Instance);
        embedder.Start();
        if (!await embedder.WhenReady.WaitAsync(cancellationToken))
        {
            embedder.Dispose();
            return null;
        }

        return new CliEmbeddings(embedder, new DenseSimilarity(embedder, embedder) { Scale = scale });
    }

    /// <summary>A library over <paramref name="boards"/> ranking with embeddings, every passage embedded first.</summary>
    public async Task<TorLibrary> LibraryAsync(IReadOnlyList<TermsOfReferenceModel> boards)
    {
        await Task.WhenAll(boards.Select(Similarity.PrepareAsync));
        return new TorLibrary(boards, Similarity.For);
    }

    /// <summary>Whether <c>--embeddings</c> asks for them; <paramref name="fallback"/> when it is not given.</summary>
    public static bool Wanted(string? value, bool fallback) => value?.ToLowerInvariant() switch
    {
        null => fallback,
        "on" => true,
        "off" => false,
        _ => throw new CommandLineException($"--embeddings is on or off, not '{value}'."),
    };

    /// <inheritdoc />
    public void Dispose() => embedder.Dispose();
}
