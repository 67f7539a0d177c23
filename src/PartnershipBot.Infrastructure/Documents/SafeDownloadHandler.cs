using System.Net;
using System.Net.Sockets;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// The HTTP handler for ToR downloads. It never follows redirects itself (the caller checks each hop's host), uses
/// no proxy, and resolves the host itself, connecting only to an address it has checked is public (or loopback
/// when the options allow), so a listed name that resolves, or is re-pointed, inside the network is never reached.
/// </summary>
public static class SafeDownloadHandler
{
    /// <summary>A handler enforcing <paramref name="options"/>.</summary>
    public static SocketsHttpHandler Create(TorDownloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, options.AllowLoopbackDownloads, cancellationToken),
        };
    }

    /// <summary>True when a download may connect to <paramref name="address"/>.</summary>
    public static bool MayConnect(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowLoopback, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => MayConnect(a, allowLoopback)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{endPoint.Host} resolves only to addresses a download may not reach.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Connect to the checked addresses themselves, not the name, so nothing re-resolves in between.
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0                                   // "this network"
        || b[0] == 10                               // private
        || (b[0] == 100 && b[1] >= 64 && b[1] < 128) // carrier-grade NAT
        || b[0] == 127                              // loopback
        || (b[0] == 169 && b[1] == 254)             // link-local (cloud metadata endpoints live here)
        || (b[0] == 172 && b[1] >= 16 && b[1] < 32) // private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)  // IETF protocol assignments
        || (b[0] == 192 && b[1] == 168)             // private
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking
        || b[0] >= 224);                            // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return !(address.Equals(IPAddress.IPv6None)
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast
            || (b[0] & 0xfe) == 0xfc                  // unique local fc00::/7
            || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) // NAT64: an IPv4 address in disguise
            || (b[0] == 0x20 && b[1] == 0x02)         // 6to4: likewise
            || b.Take(10).All(x => x == 0));          // unspecified, IPv4-compatible
    }
}
