using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Semantic;

namespace PartnershipBot.Infrastructure.Semantic;

/// <summary>
/// Registers the sentence embedder chosen by <c>TermsOfReference:Embeddings</c>: <c>Off</c>, the default, or <c>On</c>.
/// Off by default because, measured on the gold sets (BENCHMARKS.md), the hybrid ranking is right a little
/// more often overall but falls below the lexical floors on the seeds (one question) and on the dev set's confidently
/// wrong answers (one more), and it costs about 500 MB of working set.
/// </summary>
public static class SentenceEmbeddingRegistration
{
    /// <summary>The configuration key.</summary>
    public const string Key = SentenceEmbeddingOptions.SectionName + ":" + nameof(SentenceEmbeddingOptions.Embeddings);

    /// <summary>
    /// <c>On</c>: arctic-embed-xs, loaded in the background when the host starts (call <see cref="ArcticSentenceEmbedder.Start"/>
    /// through <see cref="StartSentenceEmbeddings"/>). <c>Off</c>: <see cref="NoSentenceEmbedder"/>, nothing loaded. Any
    /// other value stops start-up naming <see cref="Key"/>.
    /// </summary>
    public static IServiceCollection AddSentenceEmbeddings(this IServiceCollection services)
    {
        services.AddOptions<SentenceEmbeddingOptions>().BindConfiguration(SentenceEmbeddingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SentenceEmbeddingOptions>, SentenceEmbeddingOptionsValidator>());
        services.TryAddSingleton<NoSentenceEmbedder>();
        services.TryAddSingleton<ArcticSentenceEmbedder>();
        // Chosen when first asked for, so the model's embedder is never even constructed with embeddings off.
        services.TryAddSingleton<ISentenceEmbedder>(p => IsOn(p) ? p.GetRequiredService<ArcticSentenceEmbedder>() : p.GetRequiredService<NoSentenceEmbedder>());
        services.TryAddSingleton<IPassageEmbeddingIndex>(p => IsOn(p) ? p.GetRequiredService<ArcticSentenceEmbedder>() : p.GetRequiredService<NoSentenceEmbedder>());
        return services.AddDenseSimilarity();
    }

    private static bool IsOn(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SentenceEmbeddingOptions>>().Value.Embeddings == EmbeddingsSetting.On;

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
