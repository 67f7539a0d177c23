using Microsoft.Extensions.Configuration;

namespace PartnershipBot.Infrastructure.Graph;

/// <summary>
/// Where board meetings are booked in Outlook, from configuration (section <c>Graph</c>). Booking is on when an
/// organiser mailbox is configured: <c>Graph:OrganizerMailbox</c> (Graph's spelling; <c>Graph:OrganiserMailbox</c> is
/// read too) for every board, or <c>Graph:BoardMailboxes:N:Board</c> / <c>:Mailbox</c> per board.
/// </summary>
public sealed class GraphCalendarOptions
{
    /// <summary>The Graph endpoint (a loopback stub in tests).</summary>
    public Uri BaseUrl { get; init; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>The secretariat mailbox (UPN or object id) that organises every board's meetings unless a board has its own.</summary>
    public string? OrganizerMailbox { get; init; }

    /// <summary>Per-board organiser mailboxes, keyed case-insensitively by board name.</summary>
    public IReadOnlyDictionary<string, string> BoardMailboxes { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often changes made in Outlook are read back.</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>True when any mailbox is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(OrganizerMailbox) || BoardMailboxes.Count > 0;

    /// <summary>The organiser mailbox for a board, or null.</summary>
    public string? MailboxFor(string boardName) =>
        BoardMailboxes.TryGetValue(boardName.Trim(), out var mailbox) ? mailbox : string.IsNullOrWhiteSpace(OrganizerMailbox) ? null : OrganizerMailbox;

    /// <summary>Reads the <c>Graph</c> section.</summary>
    public static GraphCalendarOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Graph");
        var boards = section.GetSection("BoardMailboxes").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c["Board"]) && !string.IsNullOrWhiteSpace(c["Mailbox"]))
            .ToDictionary(c => c["Board"]!.Trim(), c => c["Mailbox"]!.Trim(), StringComparer.OrdinalIgnoreCase);
        return new GraphCalendarOptions
        {
            BaseUrl = Uri.TryCreate(section["BaseUrl"], UriKind.Absolute, out var baseUrl) ? baseUrl : new Uri("https://graph.microsoft.com/v1.0"),
            OrganizerMailbox = section["OrganizerMailbox"] ?? section["OrganiserMailbox"],
            BoardMailboxes = boards,
            SyncInterval = section.GetValue("SyncInterval", TimeSpan.FromMinutes(15)),
        };
    }
}
