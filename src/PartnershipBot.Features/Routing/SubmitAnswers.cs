using System.Text.Json;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Routing;

/// <summary>
/// Delivers a card route's answer to an Action.Submit, which (unlike Action.Execute) gets no answer in the HTTP
/// response: a card replaces the card that was pressed (an update of that message, or a new one if the update
/// fails), and a message or an error is sent as a reply, so the member always sees what happened.
/// </summary>
public static class SubmitAnswers
{
    /// <summary>Sends what <paramref name="answer"/> says into the conversation of the Submit.</summary>
    public static async Task DeliverAsync(ITurnContext turn, InvokeResponse? answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (answer?.Value is not { } value)
        {
            return;
        }

        var activity = turn.Activity;
        switch (answer.Type)
        {
            case InvokeResponse.CardType:
                var card = new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = value }] };
                if (activity.ReplyToId is { } pressed && activity.ServiceUrl is { } serviceUrl && activity.Conversation?.Id is { } conversationId)
                {
                    var updated = await turn.Connector.UpdateActivityAsync(serviceUrl, conversationId, pressed, card, cancellationToken);
                    if (updated.Succeeded)
                    {
                        return;
                    }

                    card.Id = null;
                }

                await turn.SendActivityAsync(card, cancellationToken);
                return;
            case InvokeResponse.MessageType when value.ValueKind == JsonValueKind.String:
                await turn.SendActivityAsync(activity.CreateReply(value.GetString()), cancellationToken);
                return;
            case InvokeResponse.ErrorType:
                var error = value.Deserialize(ProtocolJsonContext.Default.InvokeError);
                await turn.SendActivityAsync(activity.CreateReply(error?.Message ?? "Sorry, that didn't work. Please try again."), cancellationToken);
                return;
        }
    }
}
