using System.Diagnostics;

namespace PartnershipBot.Benchmarks;

/// <summary>Times each question over several rounds; the first <c>warmUpRounds</c> warm the JIT and regexes and are not kept.</summary>
public static class AnswerTimes
{
    /// <summary>Milliseconds per question, sorted ascending.</summary>
    public static List<double> Measure<T>(IReadOnlyList<T> questions, int rounds, int warmUpRounds, Action<T> ask)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(ask);
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                var watch = Stopwatch.StartNew();
                ask(question);
                if (round >= warmUpRounds)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        times.Sort();
        return times;
    }

    /// <summary>The value at <paramref name="quantile"/> of an ascending list.</summary>
    public static double At(List<double> sorted, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * quantile))];
    }
}
