using System.Text.Json;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Reminders;

/// <summary>Where a reminder goes, or why it can't go anywhere.</summary>
/// <param name="Reference">The conversation to post to, or null.</param>
/// <param name="Failure">The outcome to record when there is no conversation (e.g. <see cref="ReminderOutcome.NotReachable"/>).</param>
public sealed record ReminderAddress(ConversationReferenceRecord? Reference, ReminderOutcome? Failure);

/// <summary>
/// Resolves a reminder's recipient: a conversation the bot knows (a board's channel or group chat), or a person
/// (Entra object id), reached in their 1:1 chat with the bot. When the bot has never chatted with the person it
/// creates the chat through the Connector (Teams returns the existing one if there is one), using the Teams user
/// id from the roster and the tenant and service URL of the board's own conversation, then remembers it.
/// </summary>
public sealed class ReminderRecipients(IConversationReferenceStore references, IBoardLinks links, IPeopleDirectory personDirectory, IConnectorClient connector, TimeProvider time)
{
    /// <summary>The address for <paramref name="reminder"/>.</summary>
    public async Task<ReminderAddress> ResolveAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (await references.FindByConversationAsync(reminder.Recipient, cancellationToken) is { } conversation)
        {
            return new ReminderAddress(conversation, null);
        }

        if (await references.FindPersonalByUserAsync(reminder.Recipient, cancellationToken) is { } personal)
        {
            return new ReminderAddress(personal, null);
        }

        var person = await personDirectory.FindPersonAsync(reminder.Recipient, cancellationToken);
        if (person?.TeamsId is null)
        {
            return new ReminderAddress(null, ReminderOutcome.NotReachable);
        }

        foreach (var boardConversation in await links.LinkedConversationsAsync(reminder.BoardKey, cancellationToken))
        {
            if (await references.FindByConversationAsync(boardConversation, cancellationToken) is { } board)
            {
                return await CreatePersonalChatAsync(person, board, cancellationToken);
            }
        }

        return new ReminderAddress(null, ReminderOutcome.NotReachable);
    }

    private async Task<ReminderAddress> CreatePersonalChatAsync(PersonRecord person, ConversationReferenceRecord board, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = board.BotId },
            Members = [new ChannelAccount { Id = person.TeamsId, AadObjectId = person.PersonId }],
            TenantId = board.TenantId,
            ChannelData = new TeamsChannelData { Tenant = board.TenantId is null ? null : new TeamsInfo { Id = board.TenantId } },
        };
        var created = await connector.CreateConversationAsync(board.ServiceUrl, parameters, cancellationToken);
        if (created.Outcome != ConnectorOutcome.Sent || created.Value?.Id is not { } chatId)
        {
            // Typically 403: the app isn't installed for this person, so Teams won't open a chat.
            return new ReminderAddress(null, created.Outcome == ConnectorOutcome.Sent ? ReminderOutcome.NotReachable : ReminderOutcomes.From(created.Outcome));
        }

        var reference = new ConversationReference
        {
            Bot = parameters.Bot,
            User = parameters.Members[0],
            Conversation = new ConversationAccount { Id = chatId, ConversationType = "personal", TenantId = board.TenantId },
            ChannelId = board.ChannelId,
            ServiceUrl = board.ServiceUrl,
        };
        var record = new ConversationReferenceRecord(chatId, board.ServiceUrl, board.ChannelId, board.TenantId, "personal", person.PersonId, board.BotId,
            JsonSerializer.Serialize(reference, ProtocolJsonContext.Default.ConversationReference), time.GetUtcNow());
        await references.SaveAsync(record, cancellationToken);
        return new ReminderAddress(record, null);
    }
}
