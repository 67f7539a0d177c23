namespace PartnershipBot.Tab;

/// <summary>
/// The configurable tab's set-up page (<c>GET /tab/config</c>, the manifest's <c>configurationUrl</c>), rendered on the
/// server with the same headers as <see cref="TabPage"/>. It holds no data: its script asks
/// <c>/tab/api/channel-board</c> for the board linked to the channel Teams says the tab is being added to and, when
/// there is one, tells Teams the tab is ready to save, fixed to that board's page. There is nothing to choose: a
/// channel's board is the one its link names, so the tab cannot disagree with the bot.
/// </summary>
public static class TabConfigPage
{
    /// <summary>Writes the page: 200, text/html, in every mode.</summary>
    public static IResult Render(HttpContext context, bool localMode)
    {
        TabPage.SetPageHeaders(context);
        return Results.Content(Html(localMode ? "local" : "sso"), "text/html; charset=utf-8");
    }

    private static string Html(string signIn) => TabPage.Document("Add the board tab", "/tab/config.js", signIn, """
            <h1>Add the board tab</h1>
            <p>The tab shows this channel's board: its members, meetings, papers, declarations and reminders.</p>
            <p id="status" class="status" role="status" aria-live="polite">Finding this channel's board…</p>
            <dl id="chosen" hidden>
              <dt>Board</dt><dd id="board-name"></dd>
              <dt>Your roles</dt><dd id="board-roles"></dd>
            </dl>
        """);
}
