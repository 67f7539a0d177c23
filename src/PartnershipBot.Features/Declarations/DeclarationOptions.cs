namespace PartnershipBot.Features.Declarations;

/// <summary>
/// When declaration cards go out: <c>Declarations:LeadWorkingDays</c> UK working days before the meeting
/// (default 2), or a board's own number from <c>Declarations:Boards:&lt;board name&gt;:LeadWorkingDays</c>.
/// </summary>
public sealed class DeclarationOptions
{
    /// <summary>The default lead for cards to arrive before the meeting: two working days leaves time to ask the secretariat.</summary>
    public const int DefaultLeadWorkingDays = 2;

    /// <summary>UK working days before the meeting that cards arrive, for boards without their own setting.</summary>
    public int LeadWorkingDays { get; set; } = DefaultLeadWorkingDays;

    /// <summary>Per-board leads, by board name (case- and spacing-insensitive).</summary>
    public IDictionary<string, int> BoardLeadWorkingDays { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The lead for <paramref name="boardName"/>.</summary>
    public int LeadFor(string boardName)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        var key = Normalise(boardName);
        foreach (var (board, days) in BoardLeadWorkingDays)
        {
            if (string.Equals(Normalise(board), key, StringComparison.OrdinalIgnoreCase))
            {
                return days;
            }
        }

        return LeadWorkingDays;
    }

    private static string Normalise(string boardName) => string.Join(' ', boardName.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
