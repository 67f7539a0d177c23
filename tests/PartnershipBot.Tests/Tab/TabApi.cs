using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PartnershipBot.Tests.Tab;

/// <summary>Calls the tab's API as its page does and reads the contract's shape: <c>[{"name": str, "roles": [str]}]</c>.</summary>
internal static class TabApi
{
    public static async Task<(HttpStatusCode Status, string Body)> GetBoardsAsync(HttpClient client, string? token = null, Action<HttpRequestMessage>? edit = null)
    {
        using var response = await GetAsync(client, "/tab/api/boards", token, edit);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The path of a board's API resource, the name escaped as the page escapes it.</summary>
    public static string BoardPath(string board, string resource) => $"/tab/api/boards/{Uri.EscapeDataString(board)}/{resource}";

    /// <summary>GETs a tab path with the SSO token, as the page does; the caller owns the response.</summary>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? token = null, Action<HttpRequestMessage>? edit = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        edit?.Invoke(request);
        return await client.SendAsync(request);
    }

    /// <summary>POSTs JSON to a tab path with the SSO token, as the page's buttons do; the caller owns the response.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? token = null, Action<HttpRequestMessage>? edit = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        edit?.Invoke(request);
        return await client.SendAsync(request);
    }

    /// <summary>Board name to roles, failing unless the body is exactly the contract's shape.</summary>
    public static Dictionary<string, string[]> Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        var boards = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var board in document.RootElement.EnumerateArray())
        {
            Assert.Equal(["name", "roles"], board.EnumerateObject().Select(p => p.Name).ToArray());
            boards.Add(board.GetProperty("name").GetString()!, [.. board.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)]);
        }

        return boards;
    }

    public static async Task AssertPageAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/tab", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.Contains("/tab/lib/teams-js/MicrosoftTeams.min.js", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Board</th>", html, StringComparison.Ordinal);
    }
}
