using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Semantic;

namespace PartnershipBot.Infrastructure.Semantic;

/// <summary>
/// Registers the sentence embedder chosen by <c>TermsOfReference:Embeddings</c>: <c>Off</c>, the default, or <c>On</c>.
/// Off by default because, measured on the gold sets (BENCHMARKS.md, issue 15), the hybrid ranking is right a little
/// more often overall but falls below the lexical floors on the seeds (one question) and on the dev set's confidently
/// wrong answers (one more), and it costs about 500 MB of working set.
/// </summary>
public static class SentenceEmbeddingRegistration
{
    /// <summary>The configuration key.</summary>
    public const string Key = "TermsOfReference:Embeddings";

    /// <summary>
    /// <c>On</c>: arctic-embed-xs, loaded in the background when the host starts (call <see cref="ArcticSentenceEmbedder.Start"/>
    /// through <see cref="StartSentenceEmbeddings"/>). <c>Off</c>: <see cref="NoSentenceEmbedder"/>, nothing loaded.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is neither On nor Off.</exception>
    public static IServiceCollection AddSentenceEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key] ?? "Off";
        if (string.Equals(value, "Off", StringComparison.OrdinalIgnoreCase))
        {
            services.TryAddSingleton<NoSentenceEmbedder>();
            services.TryAddSingleton<ISentenceEmbedder>(p => p.GetRequiredService<NoSentenceEmbedder>());
            services.TryAddSingleton<IPassageEmbeddingIndex>(p => p.GetRequiredService<NoSentenceEmbedder>());
            return services.AddDenseSimilarity();
        }

        if (!string.Equals(value, "On", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Key} must be On or Off, not '{value}'.");
        }

        services.TryAddSingleton<ArcticSentenceEmbedder>();
        services.TryAddSingleton<ISentenceEmbedder>(p => p.GetRequiredService<ArcticSentenceEmbedder>());
        services.TryAddSingleton<IPassageEmbeddingIndex>(p => p.GetRequiredService<ArcticSentenceEmbedder>());
        return services.AddDenseSimilarity();
    }

    // Off as well as On: the library then asks it and is told "not available" (lexical), one code path either way.
    private static IServiceCollection AddDenseSimilarity(this IServiceCollection services)
    {
        services.TryAddSingleton(p => new DenseSimilarity(p.GetRequiredService<ISentenceEmbedder>(), p.GetRequiredService<IPassageEmbeddingIndex>()));
        return services;
    }

    /// <summary>
    /// Starts loading the model in the background when embeddings are on, and once it is ready the ToR library, so the
    /// stored boards' passages are embedded before members ask rather than on the first question; returns at once.
    /// </summary>
    public static void StartSentenceEmbeddings(this IServiceProvider services)
    {
        if (services.GetRequiredService<ISentenceEmbedder>() is ArcticSentenceEmbedder arctic)
        {
            arctic.Start();
            _ = LoadLibraryWhenReadyAsync(arctic, services.GetRequiredService<ITorLibrarySource>());
        }
    }

    private static async Task LoadLibraryWhenReadyAsync(ArcticSentenceEmbedder arctic, ITorLibrarySource library)
    {
        if (!await arctic.WhenReady)
        {
            return;
        }

        try
        {
            await library.GetAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            // Only a head start: the first question loads the library again, and that path reports the failure.
        }
    }
}
