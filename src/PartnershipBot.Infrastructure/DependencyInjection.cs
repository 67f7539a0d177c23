using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Infrastructure.Documents;
using PartnershipBot.Infrastructure.Persistence;

namespace PartnershipBot.Infrastructure;

/// <summary>Registers the Infrastructure implementations of the Features ports.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds the durable store. The embedded default is one SQLite file in the app's data folder
    /// (<c>Storage:DataDirectory</c>, default <c>./data</c>).
    /// </summary>
    public static IServiceCollection AddPartnershipBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var dataDirectory = configuration["Storage:DataDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "data");
        services.TryAddSingleton(new SqliteDatabase(Path.Combine(dataDirectory, "partnershipbot.db")));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationReferenceStore, SqliteConversationReferenceStore>();
        services.TryAddSingleton<ITermsDocumentStore, SqliteTermsDocumentStore>();
        var seed = configuration["TermsOfReference:SeedDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "samples", "tor");
        services.TryAddSingleton(new TorLibrarySourceOptions(string.IsNullOrWhiteSpace(seed) ? null : seed));
        services.TryAddSingleton<ITorLibrarySource, StoredTorLibrarySource>();
        return services;
    }
}
