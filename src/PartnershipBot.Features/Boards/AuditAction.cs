namespace PartnershipBot.Features.Boards;

/// <summary>
/// What kind of change an audit entry records. Stored (and hashed into the audit chain) as its <see cref="Name"/>,
/// the same text the log has always held, so no stored entry or hash changes. An entry read back may carry a name
/// this build does not know (written by a newer build): it keeps that name, with <see cref="IsKnown"/> false, and
/// is shown as it is rather than refused.
/// </summary>
public readonly record struct AuditAction
{
    private static readonly Dictionary<string, AuditAction> ByName = new(StringComparer.Ordinal);

    private AuditAction(string name, bool known)
    {
        Name = name;
        IsKnown = known;
    }

    /// <summary>A conversation linked to a board.</summary>
    public static AuditAction BoardLink { get; } = Known("board.link");

    /// <summary>A conversation's board link removed.</summary>
    public static AuditAction BoardUnlink { get; } = Known("board.unlink");

    /// <summary>A board's tenant set.</summary>
    public static AuditAction BoardTenant { get; } = Known("board.tenant");

    /// <summary>A board's UK nation (bank holidays) set.</summary>
    public static AuditAction BoardNation { get; } = Known("board.nation");

    /// <summary>Members imported onto a board.</summary>
    public static AuditAction BoardMembers { get; } = Known("board.members");

    /// <summary>A role given to a person.</summary>
    public static AuditAction RoleAssign { get; } = Known("role.assign");

    /// <summary>A role taken from a person.</summary>
    public static AuditAction RoleRemove { get; } = Known("role.remove");

    /// <summary>A new version of a board's terms of reference stored.</summary>
    public static AuditAction TermsVersion { get; } = Known("terms.version");

    /// <summary>Outstanding declarations chased from the tab.</summary>
    public static AuditAction DeclarationsChase { get; } = Known("declarations.chase");

    /// <summary>A failed reminder delivery retried from the tab.</summary>
    public static AuditAction ReminderRetry { get; } = Known("reminder.retry");

    /// <summary>The declarations register re-chained under the register key (a migration).</summary>
    public static AuditAction RegisterRechain { get; } = Known("register.rechain");

    /// <summary>A member saved their standing declaration of interests (a new version).</summary>
    public static AuditAction InterestsSaved { get; } = Known("interests.saved");

    /// <summary>The secretariat recorded a standing declaration for a member.</summary>
    public static AuditAction InterestsRecordedFor { get; } = Known("interests.recorded-for");

    /// <summary>Every action this build writes.</summary>
    public static IReadOnlyCollection<AuditAction> All => ByName.Values;

    /// <summary>The text stored in the audit log and hashed into its chain.</summary>
    public string Name { get; }

    /// <summary>False for a name read back that this build does not write.</summary>
    public bool IsKnown { get; }

    /// <summary>The action a stored name stands for; never throws: an unknown name is kept as it is.</summary>
    public static AuditAction FromStored(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.TryGetValue(name, out var known) ? known : new AuditAction(name, known: false);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static AuditAction Known(string name)
    {
        var action = new AuditAction(name, known: true);
        ByName.Add(name, action);
        return action;
    }
}
