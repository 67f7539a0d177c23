using Azure.Identity;
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

    /// <summary>What is wrong with the sign-in settings, naming the key; null when they are usable.</summary>
    public static string? Problem(string? mode, string? clientId, string? connectionString)
    {
        if (IsPassword(mode))
        {
            return null;
        }

        if (!string.Equals(mode, "Entra", StringComparison.OrdinalIgnoreCase))
        {
            return $"{ModeKey} must be Password or Entra, not '{mode}'.";
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString ?? string.Empty);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            return $"ConnectionStrings:PartnershipBot carries a password but {ModeKey} is Entra: remove it; the bot signs in with its managed identity's token.";
        }

        if (builder.SslMode != SslMode.VerifyFull)
        {
            return $"ConnectionStrings:PartnershipBot must say SSL Mode=VerifyFull when {ModeKey} is Entra: the token is sent as the password, so the server is verified first.";
        }

        return string.IsNullOrWhiteSpace(clientId)
            ? $"{ModeKey} is Entra but {ClientIdKey} is empty: set it to the client id of the managed identity the bot signs in as."
            : null;
    }

    /// <summary>The token source for Entra sign-in, or null for password sign-in.</summary>
    /// <exception cref="InvalidOperationException">The mode is unknown or Entra's requirements are not met; the message names the key.</exception>
    public static EntraPasswordProvider? From(string? mode, string? clientId, string connectionString, TimeProvider time)
    {
        if (Problem(mode, clientId, connectionString) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        return IsPassword(mode) ? null : new EntraPasswordProvider(new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId!)), time);
    }

    private static bool IsPassword(string? mode) => string.IsNullOrWhiteSpace(mode) || string.Equals(mode, "Password", StringComparison.OrdinalIgnoreCase);
}
