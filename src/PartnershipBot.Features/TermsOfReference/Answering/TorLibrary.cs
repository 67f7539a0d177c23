using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// The boards whose ToRs are loaded, and the rules for which one a question is about: the board named
/// in the question, else the conversation's board, else the bot asks. "Which boards ...?" questions are
/// answered across all of them.
/// </summary>
public sealed partial class TorLibrary
{
    private readonly List<TermsOfReferenceModel> models;
    private readonly HashSet<string> vocabulary;
    private readonly Func<TermsOfReferenceModel, string, Func<TorPassage, double?>?>? similarity;

    /// <summary>Creates a library over <paramref name="boards"/>.</summary>
    /// <param name="boards">The boards' models.</param>
    /// <param name="similarity">
    /// Given a board and a question, the dense similarity of each passage to it (null when embeddings are off
    /// or not ready): the answerer then ranks lexically.
    /// </param>
    public TorLibrary(IEnumerable<TermsOfReferenceModel> boards, Func<TermsOfReferenceModel, string, Func<TorPassage, double?>?>? similarity = null)
    {
        ArgumentNullException.ThrowIfNull(boards);
        this.similarity = similarity;
        models = [.. boards];
        vocabulary = new HashSet<string>(models.SelectMany(m => m.Vocabulary), StringComparer.Ordinal);
    }

    /// <summary>The reply to text that shares no word with any loaded ToR.</summary>
    public const string NotUnderstood = Routing.ActivityRouter.UnknownTextReply;

    /// <summary>The loaded boards.</summary>
    public IReadOnlyList<TermsOfReferenceModel> Boards => models;

    /// <summary>The board called <paramref name="name"/> (case-insensitive), or null.</summary>
    public TermsOfReferenceModel? Find(string name) =>
        models.FirstOrDefault(m => string.Equals(m.Identity.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? models.FirstOrDefault(m => string.Equals(m.Identity.Title, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The board a sentence names ("when does the Thurrock board next meet?"), or null when none or unclear.</summary>
    public TermsOfReferenceModel? BoardNamedIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return models.Count == 0 ? null : Resolve(QuestionAnalyzer.Analyze(ExpandAcronyms(text), vocabulary));
    }

    /// <summary>Answers <paramref name="question"/>; <paramref name="conversationBoard"/> is used when the question names no board.</summary>
    public TorAnswer Ask(string question, string? conversationBoard = null) => Consider(question, conversationBoard).Answer;

    /// <summary>
    /// The answer with, when one board's ToR was consulted, what the answerer weighed (for calibration and
    /// diagnostics); the candidate is null when the bot asked which board, answered across boards or did not understand.
    /// </summary>
    public (TorAnswer Answer, AnswerCandidate? Candidate) Consider(string question, string? conversationBoard = null)
    {
        var answer = AskWithCandidate(question, conversationBoard, out var candidate);
        return (answer, candidate);
    }

    private TorAnswer AskWithCandidate(string question, string? conversationBoard, out AnswerCandidate? candidate)
    {
        candidate = null;
        ArgumentNullException.ThrowIfNull(question);
        if (models.Count == 0)
        {
            return new TorAnswer(question, false, "No Terms of Reference are loaded yet. An administrator can add one with the ingest command.", string.Empty, []);
        }

        var analysis = QuestionAnalyzer.Analyze(ExpandAcronyms(question), vocabulary) with { Question = question };
        // A question on something no ToR mentions ("is there parking at the venue?") is answered "they don't cover
        // it" below; only text that is not a question at all is not understood.
        if (analysis.Topic == Topic.General && !analysis.AcrossBoards && !QuestionLike().IsMatch(question)
            && !analysis.Keys.Any(k => models.Any(m => m.Contains(k) || m.HeadingKeys.Contains(k))))
        {
            return new TorAnswer(question, false, NotUnderstood, string.Empty, []);
        }

        var board = models.Count == 1 ? models[0] : Resolve(analysis);
        if (board is null && analysis.AcrossBoards)
        {
            return CrossBoardAnswer.Answer(models, analysis);
        }

        board ??= conversationBoard is null ? null : Find(conversationBoard);
        if (board is null)
        {
            var names = string.Join("\n", models.Select(m => $"• {m.Identity.Name}"));
            return new TorAnswer(question, false, $"Which board do you mean? I have the Terms of Reference of:\n{names}\nAsk again naming the board.", string.Empty, []);
        }

        // Read again knowing the board, so the words of its name do not decide the topic.
        analysis = QuestionAnalyzer.Analyze(ExpandAcronyms(question), vocabulary, board.Identity.AliasKeys) with { Question = question };
        candidate = TorAnswerer.Consider(board, analysis, similarity is null ? null : similarity(board, analysis.Corrected));
        return candidate.Decided with { Topic = analysis.Topic };
    }

    /// <summary>"How many CCG representatives?" → "... Clinical Commissioning Group ...", when the documents use the name, not the acronym.</summary>
    private string ExpandAcronyms(string question) => AcronymToken().Replace(question, match =>
    {
        var token = match.Value.ToLowerInvariant();
        return vocabulary.Contains(token) ? match.Value
            : models.Select(m => m.Acronyms.GetValueOrDefault(token)).FirstOrDefault(name => name is not null) ?? match.Value;
    });

    [System.Text.RegularExpressions.GeneratedRegex(@"\?\s*$|^\s*(?:who|what|whats|when|where|which|why|how|is|are|can|could|do|does|did|will|would|should|must|may|has|have)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.NonBacktracking, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex QuestionLike();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[A-Z]{2,6}s?\b", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex AcronymToken();

    /// <summary>
    /// The board the question names, scored by the distinctive words of each board's name, place and
    /// acronyms (a word every board shares, like "board", counts for little). Null when none or a tie.
    /// </summary>
    public TermsOfReferenceModel? Resolve(QuestionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        // "board" or "forum" names no board in particular: only distinctive words and places do.
        var tokens = Words.Keys(analysis.Corrected).Concat(Words.Tokenize(analysis.Corrected))
            .Where(t => !BoardIdentity.IsBodyNoun(t) && !Lexicon.IsStop(t))
            .ToHashSet(StringComparer.Ordinal);
        var scores = models
            .Select(m => (Model: m, Score: tokens.Where(m.Identity.AliasKeys.Contains).Sum(t => 1.0 / models.Count(o => o.Identity.AliasKeys.Contains(t)))))
            .OrderByDescending(x => x.Score)
            .ToList();
        var distinctive = scores[0].Score >= 0.75 && (scores.Count == 1 || scores[0].Score > scores[1].Score + 0.25);
        return distinctive ? scores[0].Model : null;
    }
}
