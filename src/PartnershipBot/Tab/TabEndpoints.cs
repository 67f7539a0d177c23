using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Hosting;

namespace PartnershipBot.Tab;

/// <summary>
/// The secretariat tab: <c>GET /tab</c>, the page, in every mode; <c>GET /tab/api/boards</c>, the signed-in
/// person's boards and roles; the per-board API is in TabBoardEndpoints.cs. The page holds no data: everything it shows comes from <c>/tab/api/...</c>, which only
/// answers a valid SSO token (or, in local mode, a loopback caller signed in as <c>Tab:DevelopmentPerson</c>).
/// </summary>
public static partial class TabEndpoints
{
    /// <summary>Registers the options, the Entra metadata and the token validator.</summary>
    public static IServiceCollection AddSecretariatTab(this IServiceCollection services)
    {
        services.AddOptions<TabOptions>().BindConfiguration(TabOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TabOptions>, TabOptionsValidator>());
        services.AddHttpClient(TabMetadata.HttpClientName);
        services.AddSingleton(sp => new TabMetadata(
            sp.GetRequiredService<IOptions<TabOptions>>().Value.EntraAuthority,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(TabMetadata.HttpClientName)));
        services.AddSingleton<TabTokenValidator>();
        services.AddSingleton<TabCaller>();
        services.AddSingleton<TabBoardOverview>();
        services.AddSingleton<TabDeliveries>();
        services.AddSingleton<TabAudit>();
        services.AddSingleton<TabDeclarations>();
        return services;
    }

    /// <summary>Maps the page, its assets and its API.</summary>
    public static IEndpointRouteBuilder MapSecretariatTab(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/tab", (HttpContext context, IOptions<BotFrameworkOptions> bot) => TabPage.Render(context, bot.Value.IsLocalMode));
        endpoints.MapGet("/tab/config", (HttpContext context, IOptions<BotFrameworkOptions> bot) => TabConfigPage.Render(context, bot.Value.IsLocalMode));
        TabAssets.Map(endpoints);
        endpoints.MapGet("/tab/api/boards", ListBoardsAsync);
        endpoints.MapGet("/tab/api/channel-board", ChannelBoardAsync);
        endpoints.MapGet("/tab/api/boards/{name}/overview", OverviewAsync);
        endpoints.MapGet("/tab/api/boards/{name}/register", RegisterAsync);
        endpoints.MapGet("/tab/api/boards/{name}/register.csv", RegisterCsvAsync);
        endpoints.MapGet("/tab/api/boards/{name}/deliveries", DeliveriesAsync);
        endpoints.MapGet("/tab/api/boards/{name}/deliveries.svg", DeliveryChartAsync);
        endpoints.MapPost("/tab/api/boards/{name}/deliveries/{id}/retry", RetryAsync);
        endpoints.MapGet("/tab/api/boards/{name}/audit", AuditAsync);
        endpoints.MapGet("/tab/api/boards/{name}/declarations", DeclarationsAsync);
        endpoints.MapPost("/tab/api/boards/{name}/declarations/{id}/chase", ChaseAsync);
        return endpoints;
    }

    private static async Task<IResult> ListBoardsAsync(HttpContext context, TabCaller caller, BoardPermissions permissions, ILoggerFactory loggers)
    {
        var signIn = await SignInAsync(context, caller, loggers);
        if (!signIn.IsAccepted)
        {
            return Results.Unauthorized();
        }

        var held = await permissions.BoardsHeldAsync(signIn.PersonId, signIn.TenantId, context.RequestAborted);
        return Results.Json(held.Select(b => new TabBoard(b.BoardName, [.. b.Roles.Select(RoleName)])).ToList(), TabJson.Default.ListTabBoard);
    }

    /// <summary>Signs the request in; a refusal is logged and answered with a Bearer challenge and no body.</summary>
    private static async Task<TabSignIn> SignInAsync(HttpContext context, TabCaller caller, ILoggerFactory loggers)
    {
        var signIn = await caller.SignInAsync(context);
        // Data from this API is personal: never kept by a browser or a proxy.
        context.Response.Headers.CacheControl = "no-store";
        if (!signIn.IsAccepted)
        {
            LogRefused(loggers.CreateLogger(typeof(TabEndpoints)), LogText.Clean(signIn.FailureReason!));
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return signIn;
    }

    /// <summary>The role as chat names it ("make @Jane the vice-chair").</summary>
    public static string RoleName(BoardRole role) => role switch
    {
        BoardRole.Chair => "chair",
        BoardRole.ViceChair => "vice-chair",
        BoardRole.Secretariat => "secretariat",
        BoardRole.Member => "member",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "a role the tab does not name"),
    };

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Refused /tab/api request: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}

/// <summary>One entry of <c>GET /tab/api/boards</c> (the external contract: keep the names).</summary>
/// <param name="Name">The board's name.</param>
/// <param name="Roles">The person's roles on it: chair, vice-chair, secretariat, member.</param>
public sealed record TabBoard(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles);

/// <summary>Source-generated JSON for the tab's API.</summary>
[JsonSerializable(typeof(List<TabBoard>))]
[JsonSerializable(typeof(TabChannelBoard))]
[JsonSerializable(typeof(TabError))]
[JsonSerializable(typeof(TabBoardOverviewView))]
[JsonSerializable(typeof(TabDeliveriesView))]
[JsonSerializable(typeof(TabRetryRequest))]
[JsonSerializable(typeof(TabRetryResult))]
[JsonSerializable(typeof(TabAuditView))]
[JsonSerializable(typeof(TabDeclarationsView))]
[JsonSerializable(typeof(TabChaseRequest))]
[JsonSerializable(typeof(TabChaseResult))]
[JsonSerializable(typeof(TabRegisterView))]
internal sealed partial class TabJson : JsonSerializerContext;
