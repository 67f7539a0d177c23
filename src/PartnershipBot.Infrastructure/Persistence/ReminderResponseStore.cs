using Dapper;
using PartnershipBot.Features.Reminders;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>What people did with reminder cards, in SQLite or PostgreSQL.</summary>
public sealed class ReminderResponseStore(IDatabase database) : IReminderResponses
{
    /// <inheritdoc />
    public async Task<bool> RecordAsync(ReminderResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var connection = await database.OpenAsync(cancellationToken);
        // The primary key makes a repeated press (or a Teams retry) a no-op that keeps the first time.
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reminder_responses (reminder_id, person_id, action, detail, person_name, responded_at)
            VALUES (@ReminderId, @PersonId, @action, @detail, @PersonName, @at)
            ON CONFLICT DO NOTHING
            """,
            new { response.ReminderId, response.PersonId, action = response.Action.ToString(), detail = response.Detail ?? string.Empty, response.PersonName, at = DbValues.Text(response.At) },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderResponse>> OfPersonAsync(string reminderId, string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT reminder_id AS ReminderId, person_id AS PersonId, action AS Action, detail AS Detail, person_name AS PersonName, responded_at AS RespondedAt
            FROM reminder_responses WHERE reminder_id = @reminderId AND person_id = @personId ORDER BY responded_at
            """,
            new { reminderId, personId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ReminderResponse(r.ReminderId, r.PersonId, r.PersonName, Enum.Parse<ReminderAction>(r.Action), DbValues.Time(r.RespondedAt), r.Detail.Length == 0 ? null : r.Detail))];
    }

    private sealed class Row
    {
        public string ReminderId { get; set; } = "";
        public string PersonId { get; set; } = "";
        public string Action { get; set; } = "";
        public string Detail { get; set; } = "";
        public string? PersonName { get; set; }
        public string RespondedAt { get; set; } = "";
    }
}
