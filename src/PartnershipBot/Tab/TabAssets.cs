using System.Reflection;

namespace PartnershipBot.Tab;

/// <summary>
/// The tab's script, style sheet and the vendored Teams JavaScript client library, embedded in the assembly. Embedded
/// rather than wwwroot: the host's content root is its build folder, where the Web SDK copies no static web assets
/// except on publish, so files on disk would be missing under plain <c>dotnet run</c> as Production.
/// </summary>
public static class TabAssets
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/tab/tab.js", "PartnershipBot.Tab.tab.js", "text/javascript; charset=utf-8"),
        ("/tab/config.js", "PartnershipBot.Tab.config.js", "text/javascript; charset=utf-8"),
        ("/tab/tab.css", "PartnershipBot.Tab.tab.css", "text/css; charset=utf-8"),
        ("/tab/lib/teams-js/MicrosoftTeams.min.js", "PartnershipBot.Tab.MicrosoftTeams.min.js", "text/javascript; charset=utf-8"),
        ("/tab/lib/teams-js/LICENSE", "PartnershipBot.Tab.teams-js.LICENSE", "text/plain; charset=utf-8"),
    ];

    /// <summary>The bytes of an embedded asset, by its logical resource name.</summary>
    public static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The tab asset {resource} is not embedded in the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Maps each asset to its path.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            endpoints.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                // Revalidated each load: the library's path carries no version, so a new build must not be hidden by a cache.
                context.Response.Headers.CacheControl = "no-cache";
                return Results.Bytes(bytes, contentType);
            });
        }
    }
}
