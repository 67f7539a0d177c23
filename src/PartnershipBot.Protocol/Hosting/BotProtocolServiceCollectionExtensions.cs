using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Protocol.Telemetry;

namespace PartnershipBot.Protocol.Hosting;

/// <summary>Registers the protocol layer and maps the messaging endpoint.</summary>
public static class BotProtocolServiceCollectionExtensions
{
    /// <summary>Named HttpClient for the Connector.</summary>
    public const string ConnectorHttpClient = "BotConnector";

    /// <summary>Named HttpClient for the OpenID metadata.</summary>
    public const string MetadataHttpClient = "BotFrameworkMetadata";

    /// <summary>
    /// Adds options (root keys MicrosoftApp*, section BotFramework), the token validator, the Connector
    /// client and the request processor. An <see cref="IActivityHandler"/> must be registered by the caller.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        // The identity keys are Bot Framework's own root-level names (MicrosoftAppId, ...), so this one binds the root and
        // its section rather than a single section through BindConfiguration.
        services.AddOptions<BotFrameworkOptions>()
            .Bind(configuration)
            .Bind(configuration.GetSection("BotFramework"))
            // One rule for the identity (and so for local mode) wherever it is read: see BotFrameworkOptions.AppIdIn.
            .PostConfigure(options =>
            {
                options.MicrosoftAppId = BotFrameworkOptions.AppIdIn(configuration);
                options.MicrosoftAppTenantId = BotFrameworkOptions.AppTenantIdIn(configuration);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());
        services.AddOptions<ConnectorOptions>().BindConfiguration("BotFramework:Connector").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(MetadataHttpClient);
        // Every reply goes through this client; ConnectorClient logs its own retries and failures, so the factory's
        // per-request logging handlers (a scope and two log checks on every reply) are left out.
        services.AddMetrics();
        services.TryAddSingleton<DependencyTelemetry>();
        services.AddHttpClient(ConnectorHttpClient, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers()
            .AddHttpMessageHandler(sp => sp.GetRequiredService<DependencyTelemetry>().CountThrottling(DependencyTelemetry.Connector));
        services.TryAddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
            ChannelTokenValidator.CreateMetadataManager(
                sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.OpenIdMetadataUrl,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataHttpClient)));
        services.TryAddSingleton<ChannelTokenValidator>();
        services.TryAddSingleton<IBotTokenProvider, AzureIdentityBotTokenProvider>();
        // The DI clock, so a test's FakeTimeProvider (or anything else the host is given) paces the sends too.
        services.TryAddSingleton(sp => new ConnectorRateLimiter(time: sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IConnectorClient>(sp => ActivatorUtilities.CreateInstance<ConnectorClient>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpClient)));
        services.TryAddSingleton<BotRequestProcessor>();
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> (or <paramref name="pattern"/>).</summary>
    public static IEndpointConventionBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        return endpoints.MapPost(pattern, (Microsoft.AspNetCore.Http.HttpContext context, BotRequestProcessor processor) => processor.ProcessAsync(context));
    }
}
