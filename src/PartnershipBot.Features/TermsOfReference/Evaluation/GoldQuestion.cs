using System.Text.Json.Serialization;

namespace PartnershipBot.Features.TermsOfReference.Evaluation;

/// <summary>One line of a gold question set (samples/eval/seed-qa.jsonl).</summary>
public sealed record GoldQuestion
{
    /// <summary>Item id.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = string.Empty;

    /// <summary>ToR file name, or "ALL" for a question across every board.</summary>
    [JsonPropertyName("doc")] public string Doc { get; init; } = string.Empty;

    /// <summary>The question as a member would ask it.</summary>
    [JsonPropertyName("question")] public string Question { get; init; } = string.Empty;

    /// <summary>Topic label (for reporting only).</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = string.Empty;

    /// <summary>Strings a right answer must contain.</summary>
    [JsonPropertyName("must_contain")] public IReadOnlyList<string> MustContain { get; init; } = [];

    /// <summary>False when the ToR does not settle the question.</summary>
    [JsonPropertyName("answerable")] public bool Answerable { get; init; }
}
