using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// The one decision to answer or decline: a logistic model over what the best passage shows (how well it
/// matches, whether it settles the topic, whether it has the shape of answer asked for, how far ahead of the
/// next it is). The weights are fitted by <c>eval --calibrate</c> over the gold sets with each document left
/// out in turn, so they do not memorise documents; two sets, for lexical-only and with embeddings.
/// </summary>
public static class AnswerDecision
{
    /// <summary>Names of the features, in order (for calibration output).</summary>
    public static readonly string[] FeatureNames =
        ["bias", "lexical", "settles", "section", "fits", "holder", "who-without-holder", "deferred", "general", "margin", "dense", "open-question",
         "coverage", "unknown-words", "topic-stated", "topic-not-stated", "settles-and-fits", "top-evidence"];

    /// <summary>Fitted weights without embeddings (see <c>eval --calibrate</c>).</summary>
    public static readonly double[] LexicalWeights = [-0.952, 0.966, 0.226, 0.352, -0.022, 0.577, 0.000, -0.218, 1.120, 0.905, 0.000, -0.471, 0.945, -0.541, 0.552, -1.335, 0.206, 0.605];

    /// <summary>Fitted weights with embeddings on.</summary>
    public static readonly double[] DenseWeights = [-0.915, 0.694, 0.240, 0.444, -0.058, 0.520, 0.000, -0.169, 1.239, 1.144, 0.297, -0.372, 0.783, -0.564, 0.494, -1.299, 0.224, 0.600];

    /// <summary>Confidence at or above which the bot answers. Set above 0.5: a wrong answer costs a member more than a referral.</summary>
    public const double Threshold = 0.6;

    /// <summary>The decision's inputs for the best passage of <paramref name="ranking"/>.</summary>
    public static double[] Features(QuestionAnalysis question, Ranking ranking)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(ranking);
        var best = ranking.Passages[0];
        var runnerUp = ranking.Passages.Count > 1 ? ranking.Passages[1].Score : 0;
        var chairWho = (question.Topic is Topic.Chair or Topic.ViceChair && question.ChairAspect == ChairAspect.Who) || question.Post is not null;
        return
        [
            1, Math.Min(best.Lexical, 1.5), best.Settles ? 1 : 0, best.InSection ? 1 : 0, best.Fits ? 1 : 0, best.Holder ? 1 : 0,
            chairWho && !best.Holder ? 1 : 0, best.Deferred && question.Expected == ExpectedAnswer.Who ? 1 : 0, question.Topic == Topic.General ? 1 : 0,
            Math.Min(best.Score - runnerUp, 1), best.Dense ?? 0, question.Expected == ExpectedAnswer.Any ? 1 : 0,
            best.Coverage, ranking.UnknownShare, ranking.TopicStatus == FactStatus.Stated ? 1 : 0, ranking.TopicStatus == FactStatus.NotStated ? 1 : 0,
            best.Settles && best.Fits ? 1 : 0, best.TopEvidence ? 1 : 0,
        ];
    }

    /// <summary>
    /// What any answer must have, whatever the confidence: a "who is the chair?" needs the holder, a "how many?" a
    /// number, a "when?" a time, a "how often?" a rate. A passage without it does not answer, however well it matches.
    /// </summary>
    public static bool MeetsNeeds(QuestionAnalysis question, RankedPassage best)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(best);
        var asksForHolder = (question.Topic is Topic.Chair or Topic.ViceChair && question.ChairAspect == ChairAspect.Who) || question.Post is not null;
        if (asksForHolder && !best.Holder)
        {
            return false;
        }

        // "How long does the chair serve?" needs a term, "how is the vice-chair picked?" a way of choosing: a clause that
        // only names the post ("Selecting Chair and Vice-chair") answers neither.
        if (question.Topic is Topic.Chair or Topic.ViceChair && question.ChairAspect is ChairAspect.Term or ChairAspect.HowChosen && !best.Holder)
        {
            return false;
        }

        // A quorum is a number or share of members: a clause under a "Meetings and Quorum" heading that gives none is not one.
        if (question.Topic == Topic.Quorum && !best.Settles)
        {
            return false;
        }

        // "How old are these ToR?" needs a date, not a clause that happens to share its words.
        if (question.Topic == Topic.DocumentDate && !best.Settles)
        {
            return false;
        }

        // "Does the chair get a casting vote?" is about breaking a tie: a clause on voting rights in general does not answer it.
        if (CastingVote.IsMatch(question.Corrected) && !TieBreak.IsMatch(best.Passage.Text))
        {
            return false;
        }

        return question.Expected is ExpectedAnswer.Any or ExpectedAnswer.Who || best.Fits;
    }

    private static readonly Regex CastingVote = TorRegex.Create(@"\bcasting\b", RegexOptions.IgnoreCase);

    private static readonly Regex TieBreak =
        TorRegex.Create(@"\bcasting\b|\bties?\b|\btied\b|\bequal(?:ity of| number of)? votes\b|\bvotes? (?:are|is) equal\b|\bdeciding vote\b|\bsecond vote\b", RegexOptions.IgnoreCase);

    /// <summary>Probability that answering from the best passage is right.</summary>
    public static double Confidence(IReadOnlyList<double> features, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(weights);
        var z = 0.0;
        for (var i = 0; i < features.Count; i++)
        {
            z += features[i] * weights[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}
