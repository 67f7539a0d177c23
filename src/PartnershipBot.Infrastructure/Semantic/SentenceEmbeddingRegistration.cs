using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnershipBot.Features.TermsOfReference.Semantic;

namespace PartnershipBot.Infrastructure.Semantic;

/// <summary>Registers the sentence embedder chosen by <c>TermsOfReference:Embeddings</c> (<c>On</c>, the default, or <c>Off</c>).</summary>
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
        var value = configuration[Key] ?? "On";
        if (string.Equals(value, "Off", StringComparison.OrdinalIgnoreCase))
        {
            services.TryAddSingleton<NoSentenceEmbedder>();
            services.TryAddSingleton<ISentenceEmbedder>(p => p.GetRequiredService<NoSentenceEmbedder>());
            services.TryAddSingleton<IPassageEmbeddingIndex>(p => p.GetRequiredService<NoSentenceEmbedder>());
            return services;
        }

        if (!string.Equals(value, "On", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Key} must be On or Off, not '{value}'.");
        }

        services.TryAddSingleton<ArcticSentenceEmbedder>();
        services.TryAddSingleton<ISentenceEmbedder>(p => p.GetRequiredService<ArcticSentenceEmbedder>());
        services.TryAddSingleton<IPassageEmbeddingIndex>(p => p.GetRequiredService<ArcticSentenceEmbedder>());
        return services;
    }

    /// <summary>Starts loading the model in the background when embeddings are on; returns at once either way.</summary>
    public static void StartSentenceEmbeddings(this IServiceProvider services)
    {
        if (services.GetRequiredService<ISentenceEmbedder>() is ArcticSentenceEmbedder arctic)
        {
            arctic.Start();
        }
    }
}
