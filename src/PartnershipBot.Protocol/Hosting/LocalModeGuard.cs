using System.Net;
using PartnershipBot.Protocol.Authentication;

namespace PartnershipBot.Protocol.Hosting;

/// <summary>
/// Local mode (no <c>MicrosoftAppId</c>) turns channel auth off, which is only safe when nothing but this
/// machine can reach the bot. This refuses to start it on any non-loopback listening address.
/// </summary>
public static class LocalModeGuard
{
    /// <summary>Throws, saying why, when local mode would listen beyond loopback.</summary>
    public static void EnsureSafe(BotFrameworkOptions options, IEnumerable<string> listenUrls)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(listenUrls);
        if (!options.IsLocalMode)
        {
            return;
        }

        var exposed = listenUrls.Where(url => !IsLoopbackUrl(url)).ToList();
        if (exposed.Count > 0)
        {
            throw new LocalModeRefusedException(
                $"MicrosoftAppId is empty, so channel authentication is off (local mode), but the bot would listen on {string.Join(", ", exposed)}. " +
                "Local mode is allowed only on loopback addresses (e.g. --urls http://localhost:3978). Set MicrosoftAppId (and its credentials) to serve other addresses.");
        }
    }

    /// <summary>True for http(s) URLs on localhost, 127.x or [::1]; false for wildcards and other hosts.</summary>
    public static bool IsLoopbackUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Kestrel wildcards ("*", "+") are not valid URI hosts; they mean every interface.
        var normalised = url.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
    }
}

/// <summary>Local mode would serve beyond loopback: the host refuses to start (the message says why and what to set).</summary>
public sealed class LocalModeRefusedException : InvalidOperationException
{
    /// <summary>Creates the refusal.</summary>
    public LocalModeRefusedException()
    {
    }

    /// <summary>Creates the refusal with its reason.</summary>
    public LocalModeRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the refusal with its reason and cause.</summary>
    public LocalModeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
