using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Infrastructure;

namespace PartnershipBot.Cli;

/// <summary>Opens the bot's own store for verbs that read or write stored ToRs (same configuration as the bot).</summary>
internal static class StoredTerms
{
    public static ServiceProvider OpenServices(CommandArguments options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPartnershipBotStorage(Configuration(options));
        return services.BuildServiceProvider();
    }

    /// <summary>The bot's configuration as a verb sees it: appsettings, environment, and <c>--data DIR</c> for the store.</summary>
    public static IConfiguration Configuration(CommandArguments options) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(options.Get("data") is { } data ? [new("Storage:DataDirectory", data)] : [])
            .Build();

    public static async Task<TorLibrary> LoadLibraryAsync(CommandArguments options, CancellationToken cancellationToken)
    {
        await using var services = OpenServices(options);
        var library = await services.GetRequiredService<ITorLibrarySource>().GetAsync(cancellationToken);
        if (options.Get("board") is { } board)
        {
            // Fails as a usage error, listing the stored boards, when the name matches none or several.
            CliBoards.Resolve(library, board);
        }

        return library;
    }
}
