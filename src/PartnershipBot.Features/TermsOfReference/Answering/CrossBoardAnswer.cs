using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// "Which boards meet quarterly?", "do any of these boards meet in public?": the question asked of each
/// board, keeping those whose ToR settles it (and, for a stated rate or month, those that match it).
/// </summary>
public static class CrossBoardAnswer
{
    /// <summary>Answers across <paramref name="boards"/>.</summary>
    public static TorAnswer Answer(IReadOnlyList<TermsOfReferenceModel> boards, QuestionAnalysis question)
    {
        ArgumentNullException.ThrowIfNull(boards);
        ArgumentNullException.ThrowIfNull(question);
        var wantedRate = question.Topic == Topic.Frequency ? MeetingFrequency.Rate(question.Corrected) : null;
        var wantedMonths = question.Topic == Topic.ScheduleMonths ? MeetingFrequency.MonthsIn(question.Question) : [];
        var matches = new List<(TermsOfReferenceModel Board, TorAnswer Answer)>();
        foreach (var board in boards)
        {
            var answer = TorAnswerer.Answer(board, question);
            if (!answer.Answered)
            {
                continue;
            }

            if (wantedRate is { } rate && (board.Frequency?.PerYear is not { } perYear || Math.Abs(perYear - rate) > 0.01))
            {
                continue;
            }

            if (wantedMonths.Count > 0 && (board.Frequency is null || !wantedMonths.All(board.Frequency.Months.Contains)))
            {
                continue;
            }

            matches.Add((board, answer));
        }

        if (matches.Count == 0)
        {
            return new TorAnswer(question.Question, false,
                $"None of the {boards.Count} boards' Terms of Reference settle that. If you need a definite answer, the boards' secretariats can settle it.", string.Empty, []);
        }

        var lines = matches.Select(m => $"• {m.Board.Identity.Name}: “{m.Answer.Citations[0].Text}” ({m.Answer.Citations[0].Section})");
        var others = boards.Count - matches.Count;
        var text = $"{matches.Count} of the {boards.Count} boards:\n{string.Join("\n", lines)}"
            + (others > 0 ? $"\nThe other {others} boards' Terms of Reference don't settle it." : string.Empty);
        return new TorAnswer(question.Question, true, text, string.Join("; ", matches.Select(m => m.Board.Identity.Name)),
            [.. matches.Select(m => m.Answer.Citations[0])]);
    }
}
