using System.Runtime.CompilerServices;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using PartnershipBot.Protocol.Authentication;

namespace PartnershipBot.Protocol.Connector;

/// <summary>Supplies the bearer token the bot presents to the Connector; null means send none (local mode).</summary>
public interface IBotTokenProvider
{
    /// <summary>A current token, or null in local mode.</summary>
    ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

/// <summary>
/// Tokens for <c>https://api.botframework.com/.default</c> through Azure.Identity: a client secret against
/// the botframework.com tenant (MultiTenant) or the bot's own tenant (SingleTenant), or the user-assigned
/// managed identity (UserAssignedMSI). Cached until five minutes before expiry.
/// </summary>
public sealed class AzureIdentityBotTokenProvider : IBotTokenProvider, IDisposable
{
    /// <summary>The Connector's scope.</summary>
    public const string Scope = "https://api.botframework.com/.default";

    private readonly TokenCredential? credential;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim gate = new(1, 1);

    // Swapped whole (a reference), so the lock-free read below never sees half of an update.
    private volatile StrongBox<AccessToken>? cached;

    /// <summary>Chooses the credential from the app type.</summary>
    public AzureIdentityBotTokenProvider(IOptions<BotFrameworkOptions> options, TimeProvider time)
        : this(CreateCredential(options?.Value ?? throw new ArgumentNullException(nameof(options))), time)
    {
    }

    /// <summary>Uses the given credential (null: local mode, no token).</summary>
    public AzureIdentityBotTokenProvider(TokenCredential? credential, TimeProvider time)
    {
        this.credential = credential;
        this.time = time;
    }

    /// <inheritdoc />
    public async ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (credential is null)
        {
            return null;
        }

        // Every reply asks for the token; only a refresh needs the lock.
        if (!forceRefresh && Fresh(cached) is { } token)
        {
            return token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (forceRefresh || Fresh(cached) is null)
            {
                cached = new StrongBox<AccessToken>(await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken));
            }

            return cached!.Value.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    private string? Fresh(StrongBox<AccessToken>? token) =>
        token is { Value: { Token: { } value } } && token.Value.ExpiresOn - time.GetUtcNow() >= TimeSpan.FromMinutes(5) ? value : null;

    private static TokenCredential? CreateCredential(BotFrameworkOptions options)
    {
        if (options.IsLocalMode)
        {
            return null;
        }

        return options.MicrosoftAppType.ToUpperInvariant() switch
        {
            "USERASSIGNEDMSI" => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId!)),
            "SINGLETENANT" => new ClientSecretCredential(
                options.MicrosoftAppTenantId ?? throw new InvalidOperationException("SingleTenant needs MicrosoftAppTenantId."),
                options.MicrosoftAppId,
                options.MicrosoftAppPassword ?? throw new InvalidOperationException("SingleTenant needs MicrosoftAppPassword.")),
            "MULTITENANT" => new ClientSecretCredential(
                "botframework.com",
                options.MicrosoftAppId,
                options.MicrosoftAppPassword ?? throw new InvalidOperationException("MultiTenant needs MicrosoftAppPassword.")),
            _ => throw new InvalidOperationException($"MicrosoftAppType '{options.MicrosoftAppType}' is not MultiTenant, SingleTenant or UserAssignedMSI."),
        };
    }
}
