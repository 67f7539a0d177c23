using Dapper;
using PartnershipBot.Features.Conversations;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// The board each conversation last asked about, in <c>conversation_last_boards</c>. Most questions ask about the same
/// board as the one before. On SQLite this process is the only writer, so what it read or wrote stays true: reads are
/// served from memory and an unchanged board is not written again. On a shared PostgreSQL another instance may have
/// answered the conversation since, so every read goes to the database (one primary-key lookup) and every question
/// sends its board, which the upsert writes only when it differs from the row.
/// </summary>
public sealed class LastAskedBoardStore(IDatabase database) : ILastAskedBoards
{
    // What this process knows the row holds; bounded, since a bot meets an unbounded number of conversations.
    private readonly PerConversation<string> known = new(10_000);

    /// <inheritdoc />
    public async Task<string?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        if (database.Provider == StorageProvider.Sqlite && known.TryGet(conversationId, out var cached))
        {
            return cached;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var board = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT board_name FROM conversation_last_boards WHERE conversation_id = @conversationId", new { conversationId }, cancellationToken: cancellationToken));
        if (board is null)
        {
            known.Remove(conversationId);
        }
        else
        {
            known.Set(conversationId, board);
        }

        return board;
    }

    /// <inheritdoc />
    public async Task RememberAsync(string conversationId, string boardName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(boardName);
        if (database.Provider == StorageProvider.Sqlite && known.TryGet(conversationId, out var stored) && string.Equals(stored, boardName, StringComparison.Ordinal))
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO conversation_last_boards (conversation_id, board_name, asked_at) VALUES (@conversationId, @boardName, @at)
            ON CONFLICT (conversation_id) DO UPDATE SET board_name = excluded.board_name, asked_at = excluded.asked_at
            WHERE conversation_last_boards.board_name <> excluded.board_name
            """,
            new { conversationId, boardName, at = DbValues.Text(at) }, cancellationToken: cancellationToken));
        known.Set(conversationId, boardName);
    }
}
