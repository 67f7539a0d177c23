using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Infrastructure.Documents;
using PartnershipBot.Infrastructure.Graph;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Infrastructure.Persistence.Integrity;

namespace PartnershipBot.Infrastructure;

/// <summary>Registers the Infrastructure implementations of the Features ports.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds the durable store. <c>Storage:Provider</c> chooses <c>Sqlite</c> (the default: one file in
    /// <c>Storage:DataDirectory</c>, default <c>./data</c> beside the app) or <c>Postgres</c> (connection string
    /// <c>ConnectionStrings:PartnershipBot</c>; needed for more than one instance).
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown or PostgreSQL has no connection string.</exception>
    public static IServiceCollection AddPartnershipBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDatabase>(provider => CreateDatabase(
            configuration, provider.GetRequiredService<TimeProvider>(), provider.GetService<ILoggerFactory>()?.CreateLogger("PartnershipBot.Register")));
        services.TryAddSingleton<IConversationReferenceStore, ConversationReferenceStore>();
        services.TryAddSingleton<ITermsDocumentStore, TermsDocumentStore>();
        services.TryAddSingleton<IReminderOutbox, ReminderOutbox>();
        services.TryAddSingleton<IBoardDirectory, BoardDirectory>();
        services.TryAddSingleton<IBoardTenancy, BoardTenantStore>();
        services.TryAddSingleton<IDeclarationRegister, DeclarationRegister>();
        services.TryAddSingleton<IDeclarationItemStore, DeclarationItemStore>();
        services.TryAddSingleton<IAgendaStore, AgendaStore>();
        services.TryAddSingleton<IActionLog, ActionLogStore>();
        services.TryAddSingleton<IMeetingStore, MeetingStore>();
        services.TryAddSingleton<IMeetingApologies, MeetingApologyStore>();
        services.TryAddSingleton<IReminderResponses, ReminderResponseStore>();
        var seed = configuration["TermsOfReference:SeedDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "samples", "tor");
        services.TryAddSingleton(new TorLibrarySourceOptions(string.IsNullOrWhiteSpace(seed) ? null : seed));
        services.TryAddSingleton<ITorLibrarySource, StoredTorLibrarySource>();
        var downloads = TorDownloadOptions.From(configuration);
        services.TryAddSingleton(downloads);
        // No logging handlers: they would write the pre-authorised download URL (a credential) to the log.
        services.AddHttpClient(TorIngestion.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(() => SafeDownloadHandler.Create(downloads))
            .RemoveAllLoggers();
        services.TryAddSingleton<ITorIngestion, TorIngestion>();
        services.TryAddSingleton<IPendingUploadStore, PendingUploadStore>();
        services.TryAddSingleton<PassageEmbeddingStore>();
        return services;
    }

    /// <summary>
    /// Adds the board calendar: Outlook through Microsoft Graph when an organiser mailbox is configured
    /// (<see cref="GraphCalendarOptions"/>; credential from <see cref="GraphClients.CredentialFrom"/>), otherwise the bot's
    /// own store only, which is the local default.
    /// </summary>
    public static IServiceCollection AddPartnershipBotCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        var options = GraphCalendarOptions.From(configuration);
        services.TryAddSingleton(options);
        if (!options.Enabled)
        {
            services.TryAddSingleton<IBoardCalendar, OwnStoreOnlyCalendar>();
            return services;
        }

        services.TryAddSingleton(_ => new GraphCredential(GraphClients.CredentialFrom(configuration)));
        services.TryAddSingleton(provider => GraphClients.Create(provider.GetRequiredService<GraphCredential>().Credential, options.BaseUrl));
        services.TryAddSingleton<IBoardCalendar, GraphBoardCalendar>();
        return services;
    }

    /// <summary>
    /// The database the configuration names, with the register key from <c>Declarations:RegisterKey</c> (required on
    /// PostgreSQL; with SQLite and none set, a key file is kept in the data directory) and checkpoints logged to <paramref name="log"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, or PostgreSQL has no connection string or no register key.</exception>
    public static IDatabase CreateDatabase(IConfiguration configuration, TimeProvider time, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerName = configuration["Storage:Provider"] ?? nameof(StorageProvider.Sqlite);
        if (!Enum.TryParse<StorageProvider>(providerName, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Storage:Provider must be Sqlite or Postgres, not '{providerName}'.");
        }

        if (provider == StorageProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString("PartnershipBot");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:PartnershipBot is empty.");
            }

            // Several instances share one chain, so none may make up a key of its own.
            var key = RegisterKey.FromConfiguration(configuration)
                ?? throw new InvalidOperationException($"Storage:Provider is Postgres but {RegisterKey.ConfigurationKey} is empty: the declarations register and audit log are chained under it (keep it in Key Vault).");
            return new PostgresDatabase(connectionString, time, key, log, PostgresAuthentication.From(configuration, connectionString, time));
        }

        var dataDirectory = configuration["Storage:DataDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "data");
        return new SqliteDatabase(Path.Combine(dataDirectory, "partnershipbot.db"), time, RegisterKey.FromConfiguration(configuration), log);
    }
}
