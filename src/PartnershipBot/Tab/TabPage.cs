namespace PartnershipBot.Tab;

/// <summary>
/// The tab's page, rendered on the server. It carries no data (the script fetches <c>/tab/api/boards</c> and, when a
/// board is chosen, its overview, with the SSO token), only whether this host signs in by SSO or, in local mode, as the development person. No inline script or
/// style, so the Content-Security-Policy can allow this origin alone.
/// </summary>
public static class TabPage
{
    // Teams, Outlook and the Microsoft 365 app frame tabs from these hosts; no other site may frame the page.
    private const string FrameAncestors =
        "'self' teams.microsoft.com *.teams.microsoft.com *.teams.microsoft.us *.skype.com *.office.com *.microsoft365.com *.cloud.microsoft outlook.office.com outlook.office365.com";

    // The Teams JavaScript library fetches the list of Teams host origins it trusts from this CDN when it loads (and
    // falls back to a built-in, older list when it cannot); the page itself only calls its own origin.
    private const string TeamsJsOrigins = "https://res.cdn.office.net";

    /// <summary>Writes the page: 200, text/html, in every mode.</summary>
    public static IResult Render(HttpContext context, bool localMode)
    {
        SetPageHeaders(context);
        return Results.Content(Html(localMode ? "local" : "sso"), "text/html; charset=utf-8");
    }

    /// <summary>The headers every tab page is served with (the set-up page's too): this origin's script and style only, framed by Teams alone.</summary>
    public static void SetPageHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' {TeamsJsOrigins}; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors {FrameAncestors}";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
    }

    private static string Html(string signIn) => Document("Your boards", "/tab/tab.js", signIn, """
            <h1>Your boards</h1>
            <p id="status" class="status" role="status" aria-live="polite">Loading your boards…</p>
            <table id="boards" class="boards" hidden>
              <caption>Boards you hold a role on, with your roles</caption>
              <thead><tr><th scope="col">Board</th><th scope="col">Your roles</th></tr></thead>
              <tbody></tbody>
            </table>
            <div id="overview" class="overview" hidden></div>
        """);

    /// <summary>
    /// A tab page's shell, the same for every page: the style sheet, the Teams library and the page's own script (no inline
    /// script or style, for the CSP), the banner, <paramref name="main"/>, and in local mode a note saying who is signed in.
    /// </summary>
    internal static string Document(string title, string script, string signIn, string main) => $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{title}} · PartnershipBot</title>
          <link rel="stylesheet" href="/tab/tab.css">
          <script src="/tab/lib/teams-js/MicrosoftTeams.min.js" defer></script>
          <script src="{{script}}" defer></script>
        </head>
        <body data-sign-in="{{signIn}}">
          <header class="banner"><p class="app-name">PartnershipBot</p></header>
          <main id="main">
        {{main}}
            {{(signIn == "local" ? "<p class=\"note\">Local mode: signed in as the development person (<code>Tab:DevelopmentPerson</code>), not through Teams.</p>" : string.Empty)}}
          </main>
        </body>
        </html>
        """;
}
