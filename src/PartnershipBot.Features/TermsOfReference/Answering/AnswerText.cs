using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>Words the bot uses: how it quotes clauses, and how it says the ToR does not settle something.</summary>
public static class AnswerText
{
    // Handing the question to the secretariat in Teams needs the board set-up (who the secretariat is);
    // until then the bot says who can settle it rather than promise a hand-over it cannot make.
    private const string Handover = "If you need a definite answer, the board's secretariat can settle it.";

    /// <summary>An answer that quotes <paramref name="passages"/> under a lead sentence.</summary>
    public static TorAnswer Settled(string question, string board, string lead, IReadOnlyList<TorPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var citations = passages.Select(Cite).ToList();
        var quotes = string.Join("\n", citations.Select(c => $"“{c.Text}” ({c.Section})"));
        return new TorAnswer(question, true, $"{lead}\n{quotes}", board, citations);
    }

    /// <summary>An honest "the ToR doesn't settle this", quoting the nearest clause when there is one.</summary>
    /// <param name="question">As asked.</param>
    /// <param name="board">The board's name.</param>
    /// <param name="what">The topic as <see cref="Describe"/> names it.</param>
    /// <param name="nearest">The clause to quote, if any.</param>
    /// <param name="status">Whether the ToR defer the point ("to be confirmed") or only touch it.</param>
    public static TorAnswer Unsettled(string question, string board, string what, TorPassage? nearest, FactStatus status = FactStatus.NotStated)
    {
        var text = status == FactStatus.Deferred
            ? $"The {board} Terms of Reference don't settle {what} yet: they leave it to be confirmed."
            : $"The {board} Terms of Reference don't settle {what}.";
        var citations = new List<TorCitation>();
        if (nearest is not null)
        {
            var citation = Cite(nearest);
            citations.Add(citation);
            text += $" The nearest they come is {citation.Section}: “{citation.Text}”";
        }

        return new TorAnswer(question, false, $"{text}\n{Handover}", board, citations);
    }

    /// <summary>How a topic is named in "don't settle ..." sentences.</summary>
    public static string Describe(Topic topic, ChairAspect aspect) => TopicCatalog.Of(topic) is not { } definition ? "this question" : aspect switch
    {
        ChairAspect.HowChosen when definition.HowChosenDescription is { } howChosen => howChosen,
        ChairAspect.Term when definition.TermDescription is { } term => term,
        _ => definition.Description,
    };

    private static TorCitation Cite(TorPassage passage) => new(passage.Section, passage.Quote);
}
