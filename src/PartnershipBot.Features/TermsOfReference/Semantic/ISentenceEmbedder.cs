namespace PartnershipBot.Features.TermsOfReference.Semantic;

/// <summary>
/// The port: a sentence embedder. Returns null while the model is still loading, when it is switched off, or on
/// failure — callers then answer lexically.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>Unit-length vector for text, or null when not available.</summary>
    float[]? TryEmbed(string text, EmbeddingRole role);

    /// <summary>True once the model is loaded and answering.</summary>
    bool IsReady { get; }
}
