namespace PartnershipBot.Features.Declarations;

/// <summary>
/// When declaration cards go out: <c>Declarations:LeadWorkingDays</c> UK working days before the meeting
/// (default 2), or a board's own number from <c>Declarations:Boards:&lt;board name&gt;:LeadWorkingDays</c>.
/// </summary>
public sealed class DeclarationOptions
{
    /// <summary>The configuration section (it also holds <c>Declarations:RegisterKey</c>, read by the store).</summary>
    public const string SectionName = "Declarations";

    /// <summary>The default lead for cards to arrive before the meeting: two working days leaves time to ask the secretariat.</summary>
    public const int DefaultLeadWorkingDays = 2;

    /// <summary>The longest lead accepted: six working weeks, beyond any ToR's papers deadline.</summary>
    public const int MostLeadWorkingDays = 30;

    /// <summary>UK working days before the meeting that cards arrive, for boards without their own setting.</summary>
    public int LeadWorkingDays { get; set; } = DefaultLeadWorkingDays;

    /// <summary>Per-board settings (<c>Declarations:Boards:&lt;board name&gt;</c>), by board name (case- and spacing-insensitive).</summary>
    public IDictionary<string, DeclarationBoardOptions> Boards { get; } = new Dictionary<string, DeclarationBoardOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The lead for <paramref name="boardName"/>.</summary>
    public int LeadFor(string boardName)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        var key = Normalise(boardName);
        foreach (var (board, settings) in Boards)
        {
            if (settings.LeadWorkingDays is { } days && string.Equals(Normalise(board), key, StringComparison.OrdinalIgnoreCase))
            {
                return days;
            }
        }

        return LeadWorkingDays;
    }

    private static string Normalise(string boardName) => string.Join(' ', boardName.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>One board's own declaration settings.</summary>
public sealed class DeclarationBoardOptions
{
    /// <summary>UK working days before this board's meetings that cards arrive; unset uses the default.</summary>
    public int? LeadWorkingDays { get; set; }
}
