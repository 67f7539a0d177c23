namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// Which database the bot keeps everything in (section <c>Storage</c>), with the two settings that live elsewhere by
/// convention: the connection string under .NET's <c>ConnectionStrings:PartnershipBot</c>, and the register key under
/// <c>Declarations:RegisterKey</c> (where the Key Vault reference is deployed).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>The connection string's name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "PartnershipBot";

    /// <summary><c>Storage:Provider</c>: <c>Sqlite</c> (default) or <c>Postgres</c>, any case.</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary><c>Storage:DataDirectory</c>: where the embedded SQLite file lives.</summary>
    public string DataDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary><c>ConnectionStrings:PartnershipBot</c>: the PostgreSQL connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>Declarations:RegisterKey</c>: the key the register and audit log are chained under.</summary>
    public string? RegisterKey { get; set; }

    /// <summary><c>Storage:PostgresAuth</c>: <c>Password</c> (default, in the connection string) or <c>Entra</c> (the managed identity's token).</summary>
    public string? PostgresAuth { get; set; }

    /// <summary><c>Storage:PostgresManagedIdentityClientId</c>: the user-assigned identity that signs in when <see cref="PostgresAuth"/> is Entra.</summary>
    public string? PostgresManagedIdentityClientId { get; set; }

    /// <summary>The provider, or null when <see cref="Provider"/> names neither.</summary>
    public StorageProvider? ParsedProvider =>
        Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !int.TryParse(Provider, out _) ? provider : null;

    /// <summary>What is wrong with these settings, one sentence each naming the key; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        switch (ParsedProvider)
        {
            case null:
                problems.Add($"{SectionName}:Provider must be Sqlite or Postgres, not '{Provider}'.");
                break;
            case StorageProvider.Postgres when string.IsNullOrWhiteSpace(ConnectionString):
                problems.Add($"{SectionName}:Provider is Postgres but ConnectionStrings:{ConnectionStringName} is empty.");
                break;
            case StorageProvider.Postgres when string.IsNullOrWhiteSpace(RegisterKey):
                // Several instances share one chain, so none may make up a key of its own.
                problems.Add($"{SectionName}:Provider is Postgres but {Integrity.RegisterKey.ConfigurationKey} is empty: the declarations register and audit log are chained under it (keep it in Key Vault).");
                break;
            case StorageProvider.Sqlite when string.IsNullOrWhiteSpace(DataDirectory):
                problems.Add($"{SectionName}:DataDirectory must name a folder (leave it unset for the data folder beside the app).");
                break;
        }

        if (ParsedProvider == StorageProvider.Postgres && !string.IsNullOrWhiteSpace(ConnectionString)
            && PostgresAuthentication.Problem(PostgresAuth, PostgresManagedIdentityClientId, ConnectionString) is { } signIn)
        {
            problems.Add(signIn);
        }

        if (!string.IsNullOrWhiteSpace(RegisterKey))
        {
            try
            {
                _ = Integrity.RegisterKey.FromText(RegisterKey, Integrity.RegisterKey.ConfigurationKey);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return problems;
    }
}
