namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>An audit_log row as Dapper reads it (one shape for the board directory's views and the register's re-chaining).</summary>
internal sealed class StoredAuditRow
{
    public long Sequence { get; set; }

    public string At { get; set; } = "";

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string Subject { get; set; } = "";

    public string? DetailJson { get; set; }
}
