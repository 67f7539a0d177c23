using Azure.Core;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// The "password" for Azure Database for PostgreSQL with Entra authentication: an access token for the database
/// resource, from the app's managed identity. Npgsql asks on every new physical connection; the token is kept until
/// shortly before it expires (or when the credential says to refresh), so a busy pool costs one token request an hour
/// rather than one per connection, and a pool that outlives a token never presents an expired one.
/// </summary>
public sealed class EntraPasswordProvider : IDisposable
{
    /// <summary>The scope Azure Database for PostgreSQL accepts tokens for (all clouds' public endpoint).</summary>
    public const string Scope = "https://ossrdbms-aad.database.windows.net/.default";

    // A token is refreshed this long before it expires, so a connection opened just before expiry still signs in.
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential credential;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Cached? current;

    /// <summary>Tokens from <paramref name="credential"/>; <paramref name="time"/> decides when one is due for refresh.</summary>
    public EntraPasswordProvider(TokenCredential credential, TimeProvider? time = null)
    {
        this.credential = credential ?? throw new ArgumentNullException(nameof(credential));
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>The current token, fetching a new one when none is held or it is due for refresh.</summary>
    public async ValueTask<string> GetPasswordAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        // One fetch for everyone who finds the token stale at the same moment.
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } fetched)
            {
                return fetched;
            }

            return Keep(await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The synchronous form, for Npgsql's synchronous Open (the bot itself only opens asynchronously).</summary>
    public string GetPassword()
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        gate.Wait();
        try
        {
            return Fresh() ?? Keep(credential.GetToken(new TokenRequestContext([Scope]), CancellationToken.None));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    private string? Fresh()
    {
        var cached = current;
        return cached is not null && time.GetUtcNow() < cached.RefreshAt ? cached.Token : null;
    }

    private string Keep(AccessToken token)
    {
        var refreshAt = token.ExpiresOn - RefreshMargin;
        if (token.RefreshOn is { } hint && hint < refreshAt)
        {
            refreshAt = hint;
        }

        current = new Cached(token.Token, refreshAt);
        return token.Token;
    }

    private sealed record Cached(string Token, DateTimeOffset RefreshAt);
}
