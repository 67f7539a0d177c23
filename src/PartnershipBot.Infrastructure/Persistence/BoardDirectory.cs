using System.Data.Common;
using System.Text.Json;
using Dapper;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Board links, roles and the audit log, in SQLite or PostgreSQL; each change and its audit entry commit together.</summary>
public sealed class BoardDirectory : IBoardDirectory
{
    private const string LinkColumns = "conversation_id AS ConversationId, board_name AS BoardName, linked_by AS LinkedBy, linked_at AS LinkedAt";
    private readonly IDatabase database;
    private readonly EmbeddedLinkTable? embeddedLinks;

    /// <summary>The directory over <paramref name="database"/>.</summary>
    public BoardDirectory(IDatabase database)
    {
        this.database = database;
        embeddedLinks = database.Provider == StorageProvider.Sqlite ? new EmbeddedLinkTable(ReadAllLinksAsync) : null;
    }

    /// <inheritdoc />
    public Task LinkAsync(ConversationBoardLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return embeddedLinks is null
            ? ChangeLinkAsync(link, cancellationToken)
            : embeddedLinks.ChangeAsync(link.ConversationId, () => ChangeLinkAsync(link, cancellationToken), link, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> UnlinkAsync(string conversationId, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Task<bool> Unlink() => ChangeAsync(actor, at, AuditAction.BoardUnlink, conversationId, null, async (connection, transaction) =>
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM conversation_boards WHERE conversation_id = @conversationId", new { conversationId }, transaction, cancellationToken: cancellationToken)) > 0,
            cancellationToken);
        return embeddedLinks is null ? Unlink() : embeddedLinks.ChangeAsync(conversationId, Unlink, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConversationBoardLink?> FindLinkAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (embeddedLinks is not null)
        {
            return await embeddedLinks.FindAsync(conversationId, cancellationToken);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(
            $"SELECT {LinkColumns} FROM conversation_boards WHERE conversation_id = @conversationId", new { conversationId }, cancellationToken: cancellationToken));
        return row?.ToLink();
    }

    private async Task<IReadOnlyList<ConversationBoardLink>> ReadAllLinksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LinkRow>(new CommandDefinition($"SELECT {LinkColumns} FROM conversation_boards", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToLink())];
    }

    private Task<bool> ChangeLinkAsync(ConversationBoardLink link, CancellationToken cancellationToken) =>
        ChangeAsync(link.LinkedBy, link.LinkedAt, AuditAction.BoardLink, link.ConversationId, new { board = link.BoardName }, async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO conversation_boards (conversation_id, board_name, linked_by, linked_at) VALUES (@ConversationId, @BoardName, @LinkedBy, @At)
                ON CONFLICT (conversation_id) DO UPDATE SET board_name = excluded.board_name, linked_by = excluded.linked_by, linked_at = excluded.linked_at
                """,
                new { link.ConversationId, link.BoardName, link.LinkedBy, At = DbValues.Text(link.LinkedAt) }, transaction, cancellationToken: cancellationToken));
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public Task AssignRoleAsync(string boardName, string personId, BoardRole role, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(actor, at, AuditAction.RoleAssign, personId, new { board = boardName, role = role.ToString() }, async (connection, transaction) =>
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO board_roles (board_key, person_id, role, assigned_at) VALUES (@board, @personId, @role, @at)
                ON CONFLICT (board_key, person_id, role) DO NOTHING
                """,
                new { board = DbValues.BoardKey(boardName), personId, role = RoleText(role), at = DbValues.Text(at) }, transaction, cancellationToken: cancellationToken)) > 0,
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveRoleAsync(string boardName, string personId, BoardRole role, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(actor, at, AuditAction.RoleRemove, personId, new { board = boardName, role = role.ToString() }, async (connection, transaction) =>
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM board_roles WHERE board_key = @board AND person_id = @personId AND role = @role",
                new { board = DbValues.BoardKey(boardName), personId, role = RoleText(role) }, transaction, cancellationToken: cancellationToken)) > 0,
            cancellationToken);

    /// <inheritdoc />
    public async Task UpsertPersonAsync(PersonRecord person, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO people (person_id, teams_id, name, email, is_guest, updated_at) VALUES (@PersonId, @TeamsId, @Name, @Email, @guest, @at)
            ON CONFLICT (person_id) DO UPDATE SET teams_id = excluded.teams_id, name = excluded.name, email = excluded.email,
                is_guest = excluded.is_guest, updated_at = excluded.updated_at
            """,
            new { person.PersonId, person.TeamsId, person.Name, person.Email, guest = person.IsGuest ? 1 : 0, at = DbValues.Text(at) },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PersonRecord>> HoldersAsync(string boardName, BoardRole role, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PersonRow>(new CommandDefinition(
            """
            SELECT r.person_id AS PersonId, p.teams_id AS TeamsId, p.name AS Name, p.email AS Email, COALESCE(p.is_guest, 0) AS IsGuest
            FROM board_roles r LEFT JOIN people p ON p.person_id = r.person_id
            WHERE r.board_key = @board AND r.role = @role ORDER BY r.assigned_at
            """,
            new { board = DbValues.BoardKey(boardName), role = RoleText(role) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PersonRecord(r.PersonId, r.TeamsId, r.Name, r.Email, r.IsGuest != 0))];
    }

    /// <inheritdoc />
    public async Task<UkNation> NationOfAsync(string boardName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var nation = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT nation FROM boards WHERE board_key = @key", new { key = DbValues.BoardKey(boardName) }, cancellationToken: cancellationToken));
        return UkNations.Parse(nation) ?? UkNation.EnglandAndWales;
    }

    /// <inheritdoc />
    public Task SetNationAsync(string boardName, UkNation nation, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(actor, at, AuditAction.BoardNation, boardName, new { nation = nation.Division() }, async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO boards (board_key, name, nation, created_at) VALUES (@key, @boardName, @division, @at)
                ON CONFLICT (board_key) DO UPDATE SET nation = excluded.nation
                """,
                new { key = DbValues.BoardKey(boardName), boardName, division = nation.Division(), at = DbValues.Text(at) }, transaction, cancellationToken: cancellationToken));
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<PersonRecord?> FindPersonAsync(string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(
            "SELECT person_id AS PersonId, teams_id AS TeamsId, name AS Name, email AS Email, is_guest AS IsGuest FROM people WHERE person_id = @personId",
            new { personId }, cancellationToken: cancellationToken));
        return row is null ? null : new PersonRecord(row.PersonId, row.TeamsId, row.Name, row.Email, row.IsGuest != 0);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> LinkedConversationsAsync(string boardName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        await using var connection = await database.OpenAsync(cancellationToken);
        var links = await connection.QueryAsync<(string ConversationId, string BoardName)>(new CommandDefinition(
            "SELECT conversation_id, board_name FROM conversation_boards ORDER BY linked_at", cancellationToken: cancellationToken));
        // Board names compare as the rest of the store does (case and spacing), which SQL alone can't express portably.
        return [.. links.Where(l => DbValues.BoardKey(l.BoardName) == DbValues.BoardKey(boardName)).Select(l => l.ConversationId)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BoardRole>> RolesOfAsync(string boardName, string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var roles = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT role FROM board_roles WHERE board_key = @board AND person_id = @personId ORDER BY role",
            new { board = DbValues.BoardKey(boardName), personId }, cancellationToken: cancellationToken));
        return [.. roles.Select(r => Enum.Parse<BoardRole>(r.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true))];
    }

    /// <inheritdoc />
    public Task RecordAsync(string actor, DateTimeOffset at, AuditAction action, string subject, string? detail, CancellationToken cancellationToken) =>
        ChangeAsync(actor, at, action, subject, detail is null ? null : new { detail }, (_, _) => Task.FromResult(true), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredAuditRow>(new CommandDefinition(
            "SELECT at AS At, actor AS Actor, action AS Action, subject AS Subject, detail_json AS DetailJson FROM audit_log ORDER BY sequence",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(DbValues.Time(r.At), r.Actor, AuditAction.FromStored(r.Action), r.Subject, r.DetailJson))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NumberedAuditEntry>> BoardAuditAsync(string boardName, long? before, int take, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(boardName);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        // The detail is JSON written by this class ({"board": name, ...}), so the name encoded the same way finds it;
        // LIKE's own wildcards in that text are escaped. Both sides lower-cased (board names are matched in any case,
        // as their keys are), then each hit checked exactly, so a near miss never shows another board's entry.
        var encoded = JsonSerializer.Serialize(boardName);
        var pattern = "%\"board\":" + encoded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredAuditRow>(new CommandDefinition(
            """
            SELECT sequence AS Sequence, at AS At, actor AS Actor, action AS Action, subject AS Subject, detail_json AS DetailJson FROM audit_log
            WHERE sequence < @before AND (lower(subject) = lower(@boardName) OR lower(detail_json) LIKE lower(@pattern) ESCAPE '\')
            ORDER BY sequence DESC LIMIT @take
            """,
            new { boardName, pattern, before = before ?? long.MaxValue, take }, cancellationToken: cancellationToken));
        var key = DbValues.BoardKey(boardName);
        return [.. rows
            .Where(r => DbValues.BoardKey(r.Subject) == key || (BoardOfDetail(r.DetailJson) is { } named && DbValues.BoardKey(named) == key))
            .Select(r => new NumberedAuditEntry(r.Sequence, new AuditEntry(DbValues.Time(r.At), r.Actor, AuditAction.FromStored(r.Action), r.Subject, r.DetailJson)))];
    }

    private static string? BoardOfDetail(string? detailJson)
    {
        if (detailJson is null)
        {
            return null;
        }

        using var detail = JsonDocument.Parse(detailJson);
        return detail.RootElement.ValueKind == JsonValueKind.Object && detail.RootElement.TryGetProperty("board", out var board) && board.ValueKind == JsonValueKind.String
            ? board.GetString()
            : null;
    }

    /// <summary>Runs a change and records it in the audit log in the same transaction (only when it changed something).</summary>
    private async Task<bool> ChangeAsync(string actor, DateTimeOffset at, AuditAction action, string subject, object? detail,
        Func<DbConnection, DbTransaction, Task<bool>> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await change(connection, transaction);
        Integrity.RegisterCheckpoint? checkpoint = null;
        if (changed)
        {
            // The audit log is a keyed chain like the register: appended with its checkpoint, in the change's transaction.
            checkpoint = await Integrity.RegisterChains.AppendAuditAsync(
                database, connection, transaction, at, actor, action, subject, detail is null ? null : JsonSerializer.Serialize(detail), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (checkpoint is not null)
        {
            database.Anchor.Publish(checkpoint, database.RequireRegisterKey().Id);
        }

        return changed;
    }

    private static string RoleText(BoardRole role) => role == BoardRole.ViceChair ? "vice-chair" : role.ToString().ToLowerInvariant();

    private sealed class LinkRow
    {
        public ConversationBoardLink ToLink() => new(ConversationId, BoardName, LinkedBy, DbValues.Time(LinkedAt));

        public string ConversationId { get; set; } = "";
        public string BoardName { get; set; } = "";
        public string LinkedBy { get; set; } = "";
        public string LinkedAt { get; set; } = "";
    }

    private sealed class PersonRow
    {
        public string PersonId { get; set; } = "";
        public string? TeamsId { get; set; }
        public string? Name { get; set; }
        public string? Email { get; set; }
        public long IsGuest { get; set; }
    }
}
