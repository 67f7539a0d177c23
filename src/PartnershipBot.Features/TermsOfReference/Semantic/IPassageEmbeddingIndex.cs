namespace PartnershipBot.Features.TermsOfReference.Semantic;

/// <summary>
/// The ingestion side of the embedder (port): embeds and durably stores a ToR's passages ahead of questions, so a
/// question only embeds itself. Passages are keyed by a hash of their normalised text (<see cref="EmbeddingText"/>), so
/// re-ingesting a ToR embeds only the passages that changed.
/// </summary>
public interface IPassageEmbeddingIndex
{
    /// <summary>
    /// Embeds and stores whichever of <paramref name="texts"/> are not stored yet, waiting for the model to load
    /// first. Completes without doing anything when embeddings are off or the model failed to load; a failure is
    /// logged, not thrown, so a caller may run it in the background. Only cancellation throws.
    /// </summary>
    Task EmbedPassagesAsync(IEnumerable<string> texts, CancellationToken cancellationToken);

    /// <summary>
    /// The stored vector of a passage, or null when it has not been embedded. Never calls the model: this is what the
    /// answer path reads, and a whole board embedded on a member's question would stall their answer.
    /// </summary>
    float[]? StoredVector(string text);
}
