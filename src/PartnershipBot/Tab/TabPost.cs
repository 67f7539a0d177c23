using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PartnershipBot.Tab;

/// <summary>
/// What every state-changing tab call (Retry, Chase) must be once it is signed in. With SSO the token travels in
/// the Authorization header, which no other site's page can make a browser send; in local mode there is no token,
/// so a JSON body is required (a cross-site form cannot send one without a CORS preflight, which this host never
/// grants) and a browser's own word that the request is cross-site is believed.
/// </summary>
public static class TabPost
{
    /// <summary>The largest body a tab action reads: its JSON is a few fields.</summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>The response that refuses the request, or null when it may go on to sign in.</summary>
    public static IResult? Refusal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return null;
    }

    private static IResult NotUnderstood() =>
        Results.Problem(detail: "The request's body is not the JSON this action takes.", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Reads the JSON body, or the 400 that says it is not one.</summary>
    public static async Task<(T? Value, IResult? Invalid)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        // A browser's fetch always gives the length; without it the body could be anything, read to its end.
        if (context.Request.ContentLength is not { } length)
        {
            return (null, Results.StatusCode(StatusCodes.Status411LengthRequired));
        }

        if (length > MaxBodyBytes)
        {
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted);
            return value is null ? (null, NotUnderstood()) : (value, null);
        }
        catch (JsonException)
        {
            return (null, NotUnderstood());
        }
    }
}
