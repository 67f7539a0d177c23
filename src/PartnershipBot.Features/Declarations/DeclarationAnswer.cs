namespace PartnershipBot.Features.Declarations;

/// <summary>A member's answer read from the card's inputs, with what to fix when it is incomplete.</summary>
/// <param name="Interest">The interest chosen, or null when none was.</param>
/// <param name="InterestCode">The code as sent (to put back on the card).</param>
/// <param name="Nature">What the interest is, trimmed.</param>
/// <param name="Problem">What to fix, or null when the answer can be stored.</param>
public sealed record DeclarationAnswer(InterestKind? Interest, string? InterestCode, string? Nature, string? Problem)
{
    /// <summary>The longest description of an interest the card accepts.</summary>
    public const int MaximumNature = 1000;

    /// <summary>The shortest description that can say what an interest is.</summary>
    private const int MinimumNature = 3;

    /// <summary>Reads and checks an answer: a choice is required, and so is the nature of any interest declared.</summary>
    public static DeclarationAnswer Read(string? interestCode, string? nature)
    {
        var interest = DeclarationChain.Parse(interestCode);
        var trimmed = nature?.Trim();
        var problem = interest switch
        {
            null => "Please choose whether you have an interest.",
            not InterestKind.None when string.IsNullOrWhiteSpace(trimmed) || trimmed.Length < MinimumNature => "You said you have an interest: please say what it is.",
            _ when trimmed?.Length > MaximumNature => "Please describe the interest in 1,000 characters or fewer.",
            _ => null,
        };
        return new DeclarationAnswer(interest, interestCode, trimmed, problem);
    }
}
