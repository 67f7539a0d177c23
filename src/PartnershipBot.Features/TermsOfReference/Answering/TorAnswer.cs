namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>A clause quoted in an answer.</summary>
/// <param name="Section">Heading path and clause number.</param>
/// <param name="Text">The quoted text.</param>
public sealed record TorCitation(string Section, string Text);

/// <summary>
/// The bot's answer to a ToR question. <see cref="Answered"/> is false exactly when the ToR does not
/// settle the question (then <see cref="Answer"/> says so and quotes the nearest clause, if any).
/// </summary>
/// <param name="Question">As asked.</param>
/// <param name="Answered">True when the ToR settles it.</param>
/// <param name="Answer">The text a member sees.</param>
/// <param name="Board">The board answered for (empty when the bot asks which board).</param>
/// <param name="Citations">The clauses relied on.</param>
public sealed record TorAnswer(string Question, bool Answered, string Answer, string Board, IReadOnlyList<TorCitation> Citations)
{
    /// <summary>What the question was read as asking about (General when it was not understood).</summary>
    /// <remarks>Not part of the <c>ask --json</c> contract, whose fields are fixed.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public Model.Topic Topic { get; init; }

    /// <summary>The decision's confidence that the answer is right (0 for declines).</summary>
    /// <remarks>Not part of the <c>ask --json</c> contract.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public double Confidence { get; init; }
}
