namespace PartnershipBot.Features.TermsOfReference.Semantic;

/// <summary>
/// What a text is to the embedding model: asymmetric retrieval models embed a question differently from the
/// passage that answers it (a query gets an instruction prefix, a passage none).
/// </summary>
public enum EmbeddingRole
{
    /// <summary>A member's question.</summary>
    Query,

    /// <summary>A sentence or list item of a ToR.</summary>
    Passage,
}
