using Dapper;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Apologies for absence in SQLite or PostgreSQL.</summary>
public sealed class MeetingApologyStore(IDatabase database) : IMeetingApologies
{
    /// <inheritdoc />
    public async Task<bool> RecordAsync(MeetingApology apology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apology);
        await using var connection = await database.OpenAsync(cancellationToken);
        // The primary key (meeting, person) keeps the first apology, even when two instances record it at once.
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO meeting_apologies (meeting_id, board_key, board_name, person_id, person_name, recorded_at)
            VALUES (@MeetingId, @key, @BoardName, @PersonId, @PersonName, @at)
            ON CONFLICT DO NOTHING
            """,
            new { apology.MeetingId, key = DbValues.BoardKey(apology.BoardName), apology.BoardName, apology.PersonId, apology.PersonName, at = DbValues.Text(apology.RecordedAt) },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MeetingApology>> ForMeetingAsync(string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT meeting_id AS MeetingId, board_name AS BoardName, person_id AS PersonId, person_name AS PersonName, recorded_at AS RecordedAt
            FROM meeting_apologies WHERE meeting_id = @meetingId ORDER BY recorded_at, person_id
            """,
            new { meetingId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new MeetingApology(r.MeetingId, r.BoardName, r.PersonId, r.PersonName, DbValues.Time(r.RecordedAt)))];
    }

    private sealed class Row
    {
        public string MeetingId { get; set; } = "";
        public string BoardName { get; set; } = "";
        public string PersonId { get; set; } = "";
        public string? PersonName { get; set; }
        public string RecordedAt { get; set; } = "";
    }
}
