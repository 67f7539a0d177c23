namespace PartnershipBot.Features.TermsOfReference.Evaluation;

/// <summary>One gold question as the decision saw it: its document, the decision's inputs, and whether answering was right.</summary>
/// <param name="Document">The ToR the question is about (the unit left out in cross-validation).</param>
/// <param name="Features">The decision's inputs.</param>
/// <param name="AnswerIsRight">True when the answer the bot would give is right (answerable, and it holds every required string).</param>
/// <param name="Answerable">True when the gold set says the ToR settles the question.</param>
public sealed record CalibrationSample(string Document, IReadOnlyList<double> Features, bool AnswerIsRight, bool Answerable);

/// <summary>
/// Fits the answer-or-decline decision: L2-regularised logistic regression by gradient descent, and its
/// leave-one-document-out score, so the weights are judged only on documents they were not fitted on.
/// Deterministic (no random start), so a re-run gives the same weights.
/// </summary>
public static class Calibration
{
    /// <summary>Fits weights to <paramref name="samples"/>.</summary>
    public static double[] Fit(IReadOnlyList<CalibrationSample> samples, double l2 = 0.01, int iterations = 3000, double rate = 0.5)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples to fit.", nameof(samples));
        }

        var width = samples[0].Features.Count;
        var weights = new double[width];
        var gradient = new double[width];
        for (var step = 0; step < iterations; step++)
        {
            Array.Clear(gradient);
            foreach (var sample in samples)
            {
                var error = Predict(sample.Features, weights) - (sample.AnswerIsRight ? 1 : 0);
                for (var i = 0; i < width; i++)
                {
                    gradient[i] += error * sample.Features[i];
                }
            }

            for (var i = 0; i < width; i++)
            {
                // The bias (feature 0) is not regularised.
                weights[i] -= rate * ((gradient[i] / samples.Count) + (i == 0 ? 0 : l2 * weights[i]));
            }
        }

        return weights;
    }

    /// <summary>The model's probability that answering is right.</summary>
    public static double Predict(IReadOnlyList<double> features, IReadOnlyList<double> weights) =>
        Answering.AnswerDecision.Confidence(features, weights);

    /// <summary>Right and confidently-wrong counts when the bot answers at or above <paramref name="threshold"/>.</summary>
    public static (int Right, int ConfidentWrong) Score(IEnumerable<CalibrationSample> samples, Func<CalibrationSample, double> confidence, double threshold)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(confidence);
        int right = 0, wrong = 0;
        foreach (var sample in samples)
        {
            var answers = confidence(sample) >= threshold;
            if (answers ? sample.AnswerIsRight : !sample.Answerable)
            {
                right++;
            }
            else if (answers)
            {
                wrong++;
            }
        }

        return (right, wrong);
    }

    /// <summary>Each sample's confidence from weights fitted without its document, in the order given.</summary>
    public static double[] LeftOutConfidences(IReadOnlyList<CalibrationSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var confidences = new double[samples.Count];
        foreach (var document in samples.Select((s, i) => (Sample: s, Index: i)).GroupBy(s => s.Sample.Document))
        {
            var weights = Fit([.. samples.Where(s => s.Document != document.Key)]);
            foreach (var (sample, index) in document)
            {
                confidences[index] = Predict(sample.Features, weights);
            }
        }

        return confidences;
    }

    /// <summary>Each document scored by weights fitted on all the others.</summary>
    public static IReadOnlyList<(string Document, int Count, int Right, int ConfidentWrong)> LeaveOneDocumentOut(IReadOnlyList<CalibrationSample> samples, double threshold)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return [.. samples.GroupBy(s => s.Document).Select(held =>
        {
            var weights = Fit([.. samples.Where(s => s.Document != held.Key)]);
            var (right, wrong) = Score(held, s => Predict(s.Features, weights), threshold);
            return (held.Key, held.Count(), right, wrong);
        })];
    }
}
