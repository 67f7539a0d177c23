namespace PartnershipBot.Infrastructure.Graph;

/// <summary>
/// Where board meetings are booked in Outlook, and with which credential (section <c>Graph</c>). Booking is on when an
/// organiser mailbox is configured: <c>Graph:OrganizerMailbox</c> (Graph's spelling; <c>Graph:OrganiserMailbox</c> is
/// read too) for every board, or <c>Graph:BoardMailboxes:N:Board</c> / <c>:Mailbox</c> per board.
/// </summary>
public sealed class GraphCalendarOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Graph";

    /// <summary>The public-cloud Graph endpoint.</summary>
    public const string PublicCloudBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary><c>Graph:BaseUrl</c>: the Graph endpoint (a national cloud, or a loopback stub in tests).</summary>
    public Uri BaseUrl { get; set; } = new(PublicCloudBaseUrl);

    /// <summary>The secretariat mailbox (UPN or object id) that organises every board's meetings unless a board has its own.</summary>
    public string? OrganizerMailbox { get; set; }

    /// <summary>The British spelling of <see cref="OrganizerMailbox"/>, used when that is not set.</summary>
    public string? OrganiserMailbox { get; set; }

    /// <summary>Per-board organiser mailboxes (<c>Graph:BoardMailboxes:N</c>), matched case-insensitively by board name.</summary>
    public IList<BoardMailbox> BoardMailboxes { get; } = [];

    /// <summary><c>Graph:SyncInterval</c>: how often changes made in Outlook are read back.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary><c>Graph:ClientSecret</c>: an app-only credential by secret (with <see cref="TenantId"/> and <see cref="ClientId"/>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary><c>Graph:TenantId</c>; defaults to the bot's <c>MicrosoftAppTenantId</c>.</summary>
    public string? TenantId { get; set; }

    /// <summary><c>Graph:ClientId</c>; defaults to the bot's <c>MicrosoftAppId</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary><c>Graph:ManagedIdentityClientId</c>: a user-assigned managed identity for Graph.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>True when any mailbox is configured.</summary>
    public bool Enabled => DefaultMailbox is not null || BoardMailboxes.Count > 0;

    private string? DefaultMailbox =>
        !string.IsNullOrWhiteSpace(OrganizerMailbox) ? OrganizerMailbox.Trim() : string.IsNullOrWhiteSpace(OrganiserMailbox) ? null : OrganiserMailbox.Trim();

    /// <summary>The organiser mailbox for a board, or null.</summary>
    public string? MailboxFor(string boardName)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        return BoardMailboxes.FirstOrDefault(b => string.Equals(b.Board?.Trim(), boardName.Trim(), StringComparison.OrdinalIgnoreCase))?.Mailbox?.Trim()
            ?? DefaultMailbox;
    }
}

/// <summary>One board's own organiser mailbox.</summary>
public sealed class BoardMailbox
{
    /// <summary>The board's name.</summary>
    public string? Board { get; set; }

    /// <summary>The mailbox (UPN or object id) that organises its meetings.</summary>
    public string? Mailbox { get; set; }
}
