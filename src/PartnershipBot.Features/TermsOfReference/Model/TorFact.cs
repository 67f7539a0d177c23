namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>Whether the ToR settles a field.</summary>
public enum FactStatus
{
    /// <summary>The ToR states it.</summary>
    Stated,
    /// <summary>The ToR defers it: "(to be confirmed)", "TBC", "to be agreed".</summary>
    Deferred,
    /// <summary>The ToR mentions it without settling it ("the group will decide the frequency of its meetings").</summary>
    Mentioned,
    /// <summary>The ToR does not address it.</summary>
    NotStated,
}

/// <summary>One field of the structured model with the clauses it rests on (best first).</summary>
/// <param name="Topic">The field.</param>
/// <param name="Status">Stated, deferred, mentioned but not settled, or not stated.</param>
/// <param name="Evidence">Passages that state it, or, when not settled, those that mention it.</param>
public sealed record TorFact(Topic Topic, FactStatus Status, IReadOnlyList<TorPassage> Evidence)
{
    /// <summary>The text of the best evidence, or null.</summary>
    public string? Text => Evidence.Count > 0 ? Evidence[0].Text : null;
}
