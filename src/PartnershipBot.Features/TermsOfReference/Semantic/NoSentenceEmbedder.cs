namespace PartnershipBot.Features.TermsOfReference.Semantic;

/// <summary>Used when embeddings are off: always null, and ingestion embeds nothing.</summary>
public sealed class NoSentenceEmbedder : ISentenceEmbedder, IPassageEmbeddingIndex
{
    /// <inheritdoc />
    public bool IsReady => false;

    /// <inheritdoc />
    public float[]? TryEmbed(string text, EmbeddingRole role) => null;

    /// <inheritdoc />
    public Task EmbedPassagesAsync(IEnumerable<string> texts, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public float[]? StoredVector(string text) => null;
}
