using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// How the bot signs in to PostgreSQL, from <c>Storage:PostgresAuth</c>: <c>Password</c> (the default: whatever the
/// connection string carries) or <c>Entra</c> (an access token from the user-assigned managed identity
/// <c>Storage:PostgresManagedIdentityClientId</c>, as infra/main.bicep deploys it). Entra is refused with a password in
/// the connection string (there must be none to leak) or without <c>SSL Mode=VerifyFull</c> (the token is sent as the
/// password, so the server's certificate and name are checked first).
/// </summary>
public static class PostgresAuthentication
{
    /// <summary>The configuration key that chooses the sign-in.</summary>
    public const string ModeKey = "Storage:PostgresAuth";

    /// <summary>The configuration key naming the managed identity for Entra sign-in.</summary>
    public const string ClientIdKey = "Storage:PostgresManagedIdentityClientId";

    /// <summary>The token source for Entra sign-in, or null for password sign-in.</summary>
    /// <exception cref="InvalidOperationException">The mode is unknown or Entra's requirements are not met; the message names the key.</exception>
    public static EntraPasswordProvider? From(IConfiguration configuration, string connectionString, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mode = configuration[ModeKey];
        if (string.IsNullOrWhiteSpace(mode) || string.Equals(mode, "Password", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.Equals(mode, "Entra", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{ModeKey} must be Password or Entra, not '{mode}'.");
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            throw new InvalidOperationException($"ConnectionStrings:PartnershipBot carries a password but {ModeKey} is Entra: remove it; the bot signs in with its managed identity's token.");
        }

        if (builder.SslMode != SslMode.VerifyFull)
        {
            throw new InvalidOperationException($"ConnectionStrings:PartnershipBot must say SSL Mode=VerifyFull when {ModeKey} is Entra: the token is sent as the password, so the server is verified first.");
        }

        var clientId = configuration[ClientIdKey];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new InvalidOperationException($"{ModeKey} is Entra but {ClientIdKey} is empty: set it to the client id of the managed identity the bot signs in as.");
        }

        return new EntraPasswordProvider(new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)), time);
    }
}
