using System.Text.RegularExpressions;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>One topic as data; see <see cref="TopicCatalog"/>.</summary>
/// <param name="Topic">The topic defined.</param>
/// <param name="Description">How the bot names it in "the ToR don't settle ..." ("the quorum").</param>
public sealed record TopicDefinition(Topic Topic, string Description)
{
    /// <summary>Question wording that asks about the topic, each with its priority among all topics' cues.</summary>
    public IReadOnlyList<QuestionCue> Questions { get; init; } = [];

    /// <summary>ToR wording that states the rule ("meet 10 times per year").</summary>
    public IReadOnlyList<Regex> Settling { get; init; } = [];

    /// <summary>ToR wording that touches the topic without settling it ("the group will decide the frequency").</summary>
    public IReadOnlyList<Regex> Mentioning { get; init; } = [];

    /// <summary>Heading words of the sections its clauses sit under, and how much sitting there counts; null when headings say nothing.</summary>
    public SectionCue? Section { get; init; }

    /// <summary>The typed rule read from a stating clause (QuorumRule, NoticePeriod, MeetingFrequency), or null for prose topics.</summary>
    public Func<string, object?>? Parse { get; init; }

    /// <summary>
    /// True when only a settling clause can answer, however well others match the question's words: "which year are these
    /// ToR from?" shares "year" with "a three year strategy", but only a dated title answers it.
    /// </summary>
    public bool AnswersOnlyFromSettling { get; init; }

    /// <summary>For posts: how "how is the chair chosen?" is named when unsettled.</summary>
    public string? HowChosenDescription { get; init; }

    /// <summary>For posts: how "how long does the chair serve?" is named when unsettled.</summary>
    public string? TermDescription { get; init; }
}

/// <summary>A question pattern and its priority (lower is tried first, across all topics).</summary>
/// <param name="Priority">Order among every topic's cues; unique.</param>
/// <param name="Pattern">The wording.</param>
public sealed record QuestionCue(int Priority, Regex Pattern);

/// <summary>Heading words that mark a topic's section, and the settling weight of sitting under one.</summary>
/// <param name="HeadingKeys">Word keys of the headings.</param>
/// <param name="Bonus">Added to a clause's settle score under such a heading.</param>
public sealed record SectionCue(IReadOnlySet<string> HeadingKeys, int Bonus);
