namespace PartnershipBot.Features.TermsOfReference.Semantic;

/// <summary>Vector arithmetic for comparing embeddings.</summary>
public static class VectorMath
{
    /// <summary>
    /// The cosine of the angle between <paramref name="a"/> and <paramref name="b"/>, in [-1, 1]; 0 when either is
    /// all zeros (no direction, so no similarity). Accumulates in double so long vectors don't drift.
    /// </summary>
    /// <exception cref="ArgumentException">The vectors differ in length (embeddings from different models).</exception>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors of different lengths ({a.Length} and {b.Length}) come from different models and can't be compared.", nameof(b));
        }

        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        return normA == 0 || normB == 0 ? 0 : Math.Clamp(dot / Math.Sqrt(normA * normB), -1, 1);
    }

    /// <summary>A copy of <paramref name="vector"/> scaled to unit length (all zeros stays all zeros).</summary>
    public static float[] Normalized(ReadOnlySpan<float> vector)
    {
        double sum = 0;
        foreach (var x in vector)
        {
            sum += (double)x * x;
        }

        var result = vector.ToArray();
        if (sum > 0)
        {
            var scale = 1 / Math.Sqrt(sum);
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = (float)(result[i] * scale);
            }
        }

        return result;
    }
}
