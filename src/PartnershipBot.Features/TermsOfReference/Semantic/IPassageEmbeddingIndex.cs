namespace PartnershipBot.Features.TermsOfReference.Semantic;

/// <summary>
/// The ingestion side of the embedder (port): embeds and durably stores a ToR's passages ahead of questions, so a
/// question only embeds itself. Passages are keyed by their text, so a passage split slightly differently later is
/// simply embedded on demand.
/// </summary>
public interface IPassageEmbeddingIndex
{
    /// <summary>
    /// Embeds and stores whichever of <paramref name="texts"/> are not stored yet, waiting for the model to load
    /// first. Completes without doing anything when embeddings are off or the model failed to load; a failure is
    /// logged, not thrown, so a caller may run it in the background. Only cancellation throws.
    /// </summary>
    Task EmbedPassagesAsync(IEnumerable<string> texts, CancellationToken cancellationToken);
}
