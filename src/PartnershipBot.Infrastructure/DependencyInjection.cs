using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Agenda.Papers;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Interests;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Meetings.Attendance;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Infrastructure.Documents;
using PartnershipBot.Infrastructure.Graph;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Infrastructure.Persistence.Integrity;
using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Telemetry;

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
        // The host has registered its configuration already; an admin verb's own container gets the one it passes.
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            // By convention these two live outside the section (ConnectionStrings is .NET's; the Key Vault reference is deployed under Declarations).
            .Configure<IConfiguration>((options, config) =>
            {
                options.ConnectionString = config.GetConnectionString(StorageOptions.ConnectionStringName);
                options.RegisterKey = config.GetSection(DeclarationOptions.SectionName)[nameof(StorageOptions.RegisterKey)];
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton<IDatabase>(provider => CreateDatabase(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value, provider.GetRequiredService<TimeProvider>(), provider.GetService<ILoggerFactory>()?.CreateLogger("PartnershipBot.Register")));
        services.TryAddSingleton<IConversationReferenceStore, ConversationReferenceStore>();
        services.TryAddSingleton<ITermsDocumentStore, TermsDocumentStore>();
        // One store behind the dispatcher's port and the readers' (the tab's delivery states and retry).
        services.TryAddSingleton<ReminderOutbox>();
        services.TryAddSingleton<IReminderOutbox>(provider => provider.GetRequiredService<ReminderOutbox>());
        services.TryAddSingleton<IReminderDeliveries>(provider => provider.GetRequiredService<ReminderOutbox>());
        services.TryAddSingleton<IReminderQueueStats, ReminderQueueStats>();
        // One store behind every narrow port of the board directory, so each caller asks only for what it uses.
        services.TryAddSingleton<BoardDirectory>();
        services.TryAddSingleton<IBoardDirectory>(provider => provider.GetRequiredService<BoardDirectory>());
        services.TryAddSingleton<IBoardLinks>(provider => provider.GetRequiredService<IBoardDirectory>());
        services.TryAddSingleton<IBoardRoles>(provider => provider.GetRequiredService<IBoardDirectory>());
        services.TryAddSingleton<IPeopleDirectory>(provider => provider.GetRequiredService<IBoardDirectory>());
        services.TryAddSingleton<IBoardNations>(provider => provider.GetRequiredService<IBoardDirectory>());
        services.TryAddSingleton<IAuditLog>(provider => provider.GetRequiredService<IBoardDirectory>());
        services.TryAddSingleton<IBoardTenancy, BoardTenantStore>();
        services.TryAddSingleton<ILastAskedBoards, LastAskedBoardStore>();
        services.TryAddSingleton<IDeclarationRegister, DeclarationRegister>();
        services.TryAddSingleton<IDeclarationItemStore, DeclarationItemStore>();
        services.TryAddSingleton<IStandingInterestRegister, StandingInterestRegister>();
        services.TryAddSingleton<IAgendaStore, AgendaStore>();
        services.TryAddSingleton<IPaperStore, PaperStore>();
        services.TryAddSingleton<ILatePaperDecisions, LatePaperDecisionStore>();
        services.TryAddSingleton<IActionLog, ActionLogStore>();
        services.TryAddSingleton<IStandingItemsStore, StandingItemsStore>();
        services.TryAddSingleton<IMeetingStore, MeetingStore>();
        services.TryAddSingleton<IMeetingApologies, MeetingApologyStore>();
        services.TryAddSingleton<IMeetingAttendance, MeetingAttendanceStore>();
        services.TryAddSingleton<IReminderResponses, ReminderResponseStore>();
        services.AddOptions<TorLibrarySourceOptions>().BindConfiguration(TorLibrarySourceOptions.SectionName);
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<TorLibrarySourceOptions>>().Value);
        services.TryAddSingleton<ITorLibrarySource, StoredTorLibrarySource>();
        services.AddOptions<TorDownloadOptions>().BindConfiguration(TorDownloadOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TorDownloadOptions>, TorDownloadOptionsValidator>());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<TorDownloadOptions>>().Value);
        // No logging handlers: they would write the pre-authorised download URL (a credential) to the log.
        services.AddHttpClient(SafeFileDownloader.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(provider => SafeDownloadHandler.Create(provider.GetRequiredService<TorDownloadOptions>()))
            .RemoveAllLoggers();
        services.TryAddSingleton<SafeFileDownloader>();
        services.TryAddSingleton<IFileDownloads>(provider => provider.GetRequiredService<SafeFileDownloader>());
        services.TryAddSingleton<ITorIngestion, TorIngestion>();
        services.TryAddSingleton<IPendingUploadStore, PendingUploadStore>();
        services.TryAddSingleton<PassageEmbeddingStore>();
        return services;
    }

    /// <summary>
    /// Adds the board calendar: Outlook through Microsoft Graph when an organiser mailbox is configured
    /// (<see cref="GraphCalendarOptions"/>, section <c>Graph</c>, checked at start-up; credential from
    /// <see cref="GraphClients.CredentialFrom"/>), otherwise the bot's own store only, which is the local default.
    /// </summary>
    public static IServiceCollection AddPartnershipBotCalendar(this IServiceCollection services)
    {
        services.AddOptions<GraphCalendarOptions>().BindConfiguration(GraphCalendarOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphCalendarOptions>, GraphCalendarOptionsValidator>());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<GraphCalendarOptions>>().Value);
        services.AddMetrics();
        services.TryAddSingleton<DependencyTelemetry>();
        services.TryAddSingleton(provider => new GraphCredential(GraphClients.CredentialFrom(
            provider.GetRequiredService<GraphCalendarOptions>(), provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value)));
        services.TryAddSingleton(provider => GraphClients.Create(
            provider.GetRequiredService<GraphCredential>().Credential, provider.GetRequiredService<GraphCalendarOptions>().BaseUrl, provider.GetRequiredService<DependencyTelemetry>()));
        services.TryAddSingleton<IBoardCalendar>(provider => provider.GetRequiredService<GraphCalendarOptions>().Enabled
            ? ActivatorUtilities.CreateInstance<GraphBoardCalendar>(provider)
            : new OwnStoreOnlyCalendar());
        return services;
    }

    /// <summary>
    /// The database <paramref name="options"/> name, with the register key from <c>Declarations:RegisterKey</c> (required on
    /// PostgreSQL; with SQLite and none set, a key file is kept in the data directory) and checkpoints logged to <paramref name="log"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are not usable (see <see cref="StorageOptions.Problems"/>).</exception>
    public static IDatabase CreateDatabase(StorageOptions options, TimeProvider time, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join(' ', problems));
        }

        var key = string.IsNullOrWhiteSpace(options.RegisterKey) ? null : RegisterKey.FromText(options.RegisterKey, RegisterKey.ConfigurationKey);
        return options.ParsedProvider == StorageProvider.Postgres
            ? new PostgresDatabase(options.ConnectionString!, time, key!, log, PostgresAuthentication.From(options.PostgresAuth, options.PostgresManagedIdentityClientId, options.ConnectionString!, time))
            : new SqliteDatabase(Path.Combine(options.DataDirectory, "partnershipbot.db"), time, key, log);
    }
}
