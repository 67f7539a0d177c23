using System.Data.Common;
using Dapper;
using PartnershipBot.Features.Meetings.Attendance;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Meeting attendance in SQLite or PostgreSQL.</summary>
public sealed class MeetingAttendanceStore(IDatabase database) : IMeetingAttendance
{
    /// <inheritdoc />
    public async Task<bool> MarkPresentAsync(string meetingId, string boardName, Attendee attendee, string markedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendee);
        await using var connection = await database.OpenAsync(cancellationToken);
        // The primary key (meeting, person) keeps the first mark, even when two presses arrive at once.
        return await InsertAsync(connection, null, meetingId, boardName, attendee, markedBy, at, cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> RecordAsync(
        string meetingId, string boardName, IReadOnlyCollection<string> covered, IReadOnlyList<Attendee> present, Func<IReadOnlyList<Attendee>, RecordedQuorum> quorumOf,
        string recordedBy, string pressId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(covered);
        ArgumentNullException.ThrowIfNull(present);
        ArgumentNullException.ThrowIfNull(quorumOf);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.KeyLockSql is { } meetingLock)
        {
            // Two instances recording the same meeting take turns, so the press check below sees the other's row.
            await connection.ExecuteAsync(new CommandDefinition(meetingLock, new { key = "attendance/" + meetingId }, transaction, cancellationToken: cancellationToken));
        }

        var last = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT last_press FROM meeting_attendance WHERE meeting_id = @meetingId", new { meetingId }, transaction, cancellationToken: cancellationToken));
        if (last == pressId)
        {
            return false;
        }

        var keep = present.Select(a => a.PersonId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var personId in covered.Where(id => !keep.Contains(id)))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM meeting_attendees WHERE meeting_id = @meetingId AND person_id = @personId", new { meetingId, personId }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var attendee in present)
        {
            await InsertAsync(connection, transaction, meetingId, boardName, attendee, recordedBy, at, cancellationToken);
        }

        var quorum = quorumOf(await PresentAsync(connection, transaction, meetingId, cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO meeting_attendance (meeting_id, board_key, board_name, present, voting, needed, quorate, rule, recorded_by, recorded_at, last_press)
            VALUES (@meetingId, @key, @boardName, @Present, @Voting, @Needed, @quorate, @Rule, @recordedBy, @at, @pressId)
            ON CONFLICT (meeting_id) DO UPDATE SET present = excluded.present, voting = excluded.voting, needed = excluded.needed, quorate = excluded.quorate,
                rule = excluded.rule, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at, last_press = excluded.last_press
            """,
            new
            {
                meetingId, key = DbValues.BoardKey(boardName), boardName, quorum.Present, quorum.Voting, quorum.Needed,
                quorate = quorum.Quorate is { } q ? (q ? 1 : 0) : (int?)null, quorum.Rule, recordedBy, at = DbValues.Text(at), pressId,
            },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<AttendanceRecord> ForMeetingAsync(string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var present = await PresentAsync(connection, null, meetingId, cancellationToken);
        var header = await connection.QuerySingleOrDefaultAsync<HeaderRow>(new CommandDefinition(
            """
            SELECT present AS Present, voting AS Voting, needed AS Needed, quorate AS Quorate, rule AS Rule, recorded_by AS RecordedBy, recorded_at AS RecordedAt
            FROM meeting_attendance WHERE meeting_id = @meetingId
            """,
            new { meetingId }, cancellationToken: cancellationToken));
        return header is null
            ? new AttendanceRecord(meetingId, present, null, null, null)
            : new AttendanceRecord(
                meetingId, present, new RecordedQuorum((int)header.Present, (int)header.Voting, (int?)header.Needed, header.Quorate is { } q ? q != 0 : null, header.Rule),
                header.RecordedBy, DbValues.Time(header.RecordedAt));
    }

    private static Task<int> InsertAsync(DbConnection connection, DbTransaction? transaction, string meetingId, string boardName, Attendee attendee, string markedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO meeting_attendees (meeting_id, board_key, board_name, person_id, person_name, source, marked_by, marked_at)
            VALUES (@meetingId, @key, @boardName, @PersonId, @PersonName, @source, @markedBy, @at)
            ON CONFLICT DO NOTHING
            """,
            new { meetingId, key = DbValues.BoardKey(boardName), boardName, attendee.PersonId, attendee.PersonName, source = attendee.Source.ToString(), markedBy, at = DbValues.Text(at) },
            transaction, cancellationToken: cancellationToken));

    private static async Task<IReadOnlyList<Attendee>> PresentAsync(DbConnection connection, DbTransaction? transaction, string meetingId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AttendeeRow>(new CommandDefinition(
            "SELECT person_id AS PersonId, person_name AS PersonName, source AS Source FROM meeting_attendees WHERE meeting_id = @meetingId ORDER BY marked_at, person_id",
            new { meetingId }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Attendee(r.PersonId, r.PersonName, Enum.TryParse<AttendanceSource>(r.Source, out var s) ? s : AttendanceSource.Card))];
    }

    private sealed class AttendeeRow
    {
        public string PersonId { get; set; } = "";
        public string? PersonName { get; set; }
        public string Source { get; set; } = "";
    }

    private sealed class HeaderRow
    {
        public long Present { get; set; }
        public long Voting { get; set; }
        public long? Needed { get; set; }
        public long? Quorate { get; set; }
        public string? Rule { get; set; }
        public string RecordedBy { get; set; } = "";
        public string RecordedAt { get; set; } = "";
    }
}
