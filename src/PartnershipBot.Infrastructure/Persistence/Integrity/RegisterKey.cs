using System.Security.Cryptography;
using System.Text;

namespace PartnershipBot.Infrastructure.Persistence.Integrity;

/// <summary>
/// The secret the declarations register and the audit log are chained under (HMAC-SHA256). It never goes into the
/// database: someone who can write the tables cannot re-hash an edited entry without it. It comes from
/// <c>Declarations:RegisterKey</c> (Key Vault in a deployment: base64 of at least 32 random bytes, or 32+ characters);
/// with embedded storage and no key configured, one is generated once into <c>register.key</c> in the data directory.
/// </summary>
public sealed class RegisterKey
{
    /// <summary>The configuration key.</summary>
    public const string ConfigurationKey = "Declarations:RegisterKey";

    /// <summary>The key file kept beside the embedded database when no key is configured.</summary>
    public const string FileName = "register.key";

    private const int MinimumBytes = 32;
    private readonly byte[] key;

    private RegisterKey(byte[] key, string source)
    {
        this.key = key;
        Source = source;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..12];
    }

    /// <summary>Where the key came from (for messages; never the key).</summary>
    public string Source { get; }

    /// <summary>A short fingerprint that says which key signed a checkpoint, without revealing it.</summary>
    public string Id { get; }

    /// <summary>A key from text: base64 of 32+ bytes, or else 32+ characters used as UTF-8.</summary>
    /// <exception cref="InvalidOperationException">The key is too short.</exception>
    public static RegisterKey FromText(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        // App Service leaves an unresolved Key Vault reference as its literal text: that is no secret.
        if (trimmed.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{source} is an unresolved Key Vault reference: create the secret (docs/deploying.md) and restart.");
        }

        var buffer = new byte[trimmed.Length];
        if (Convert.TryFromBase64String(trimmed, buffer, out var written) && written >= MinimumBytes)
        {
            return new RegisterKey(buffer[..written], source);
        }

        var utf8 = Encoding.UTF8.GetBytes(trimmed);
        return utf8.Length >= MinimumBytes
            ? new RegisterKey(utf8, source)
            : throw new InvalidOperationException($"{source} is too short: use base64 of at least {MinimumBytes} random bytes (e.g. `openssl rand -base64 32`).");
    }

    /// <summary>The key in <paramref name="directory"/>/register.key, generated (owner-only) on first use.</summary>
    public static RegisterKey FromFile(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var file = new FileStream(path, options);
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        return FromText(File.ReadAllText(path), path);
    }

    /// <summary>HMAC-SHA256 of <paramref name="canonical"/> under the key, as lower-case hex.</summary>
    public string Mac(string canonical) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));

    /// <summary>True when <paramref name="mac"/> is the MAC of <paramref name="canonical"/> (constant-time compare).</summary>
    public bool Verify(string canonical, string? mac) =>
        mac is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(canonical)), Encoding.ASCII.GetBytes(mac));
}
