using System.Net;
using Microsoft.AspNetCore.Http;
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

    // The headers proxies add (standard and de facto); their presence alone marks a relayed request.
    private static readonly string[] ForwardedHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For"];

    /// <summary>
    /// Null when a local-mode request may be served (it comes from loopback and was not relayed), else the reason.
    /// Every unauthenticated local-mode endpoint (the bot's and the tab's) asks here, so they refuse alike.
    /// </summary>
    public static string? CheckCaller(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            return "local mode accepts only loopback callers";
        }

        // A request relayed by a proxy on this machine arrives from loopback but comes from elsewhere: local mode
        // has no auth, so anything that says it was forwarded is refused.
        return ForwardedHeaders.Any(context.Request.Headers.ContainsKey)
            ? "local mode refuses forwarded requests (X-Forwarded-*, Forwarded)"
            : null;
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
