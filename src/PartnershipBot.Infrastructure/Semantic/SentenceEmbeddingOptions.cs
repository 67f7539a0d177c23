using Microsoft.Extensions.Options;

namespace PartnershipBot.Infrastructure.Semantic;

/// <summary>The values <c>TermsOfReference:Embeddings</c> takes.</summary>
public enum EmbeddingsSetting
{
    /// <summary>Lexical ranking only; no model loaded (the default).</summary>
    Off,

    /// <summary>Hybrid ranking: lexical plus arctic-embed-xs sentence embeddings.</summary>
    On,
}

/// <summary>Whether ToR ranking uses sentence embeddings (section <c>TermsOfReference</c>).</summary>
public sealed class SentenceEmbeddingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TermsOfReference";

    /// <summary><c>TermsOfReference:Embeddings</c>: <c>On</c> or <c>Off</c> (any case).</summary>
    public EmbeddingsSetting Embeddings { get; set; } = EmbeddingsSetting.Off;
}

/// <summary>
/// The binder turns "maybe" into a start-up error naming the key, but takes numbers as enum values ("2" would bind):
/// only the two named values are let through.
/// </summary>
public sealed class SentenceEmbeddingOptionsValidator : IValidateOptions<SentenceEmbeddingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SentenceEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Enum.IsDefined(options.Embeddings)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{SentenceEmbeddingRegistration.Key} must be On or Off, not {(int)options.Embeddings}.");
    }
}
