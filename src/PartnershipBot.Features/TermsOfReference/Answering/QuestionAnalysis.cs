using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>What a question asks about the chair: who holds it, how they are chosen, or for how long.</summary>
public enum ChairAspect
{
    /// <summary>"Who chairs ...?"</summary>
    Who,
    /// <summary>"How is the chair chosen?"</summary>
    HowChosen,
    /// <summary>"Is the chair role fixed or reviewed?"</summary>
    Term,
    /// <summary>Anything else about the chair: "does the chair sit on the partnership board?"</summary>
    Other,
}

/// <summary>What kind of answer the question's wording expects.</summary>
public enum ExpectedAnswer
{
    /// <summary>Anything.</summary>
    Any,
    /// <summary>"When ...": a date, month or year.</summary>
    When,
    /// <summary>"How often ...": a rate.</summary>
    HowOften,
    /// <summary>"Who ...": a person, role or body.</summary>
    Who,
    /// <summary>"Where ...": a place or venue.</summary>
    Where,
    /// <summary>"What day ...": a day of the week.</summary>
    Day,
    /// <summary>"What time ...": a clock time or part of the day.</summary>
    Time,
    /// <summary>"How much ...": an amount of money or a share.</summary>
    HowMuch,
    /// <summary>"How long are meetings?": a length of time.</summary>
    Duration,
    /// <summary>"How many ...?", "how big ...?": a number or share.</summary>
    HowMany,
}

/// <summary>How the bot reads a member's question.</summary>
/// <param name="Question">As asked.</param>
/// <param name="Corrected">Lower-cased, typos corrected, member phrases mapped to ToR wording.</param>
/// <param name="Topic">The modelled field asked about, or General.</param>
/// <param name="ChairAspect">For chair questions, which aspect.</param>
/// <param name="Expected">The kind of answer expected.</param>
/// <param name="AcrossBoards">True for "which boards ...?" questions about every loaded board.</param>
/// <param name="ListAll">True for "list all the members"-style questions.</param>
/// <param name="Keys">Content keys of the question (stop words removed).</param>
public sealed record QuestionAnalysis(
    string Question,
    string Corrected,
    Topic Topic,
    ChairAspect ChairAspect,
    ExpectedAnswer Expected,
    bool AcrossBoards,
    bool ListAll,
    IReadOnlyList<string> Keys)
{
    /// <summary>True when the answer is a list ("which councils ...?", "who are the members?"), so a list passage fits best.</summary>
    public bool WantsList { get; init; }

    /// <summary>Keys of the words that made this a question on its topic ("how often", "meet"); empty for general questions.</summary>
    public IReadOnlySet<string> TopicKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True for "who is the current chair?", "what is the name of ...": only a named person answers it.</summary>
    public bool AsksForCurrentHolder { get; init; }

    /// <summary>The post a "who is the ...?" question asks about ("strategic performance manager"), when it names one.</summary>
    public string? Post { get; init; }
}
