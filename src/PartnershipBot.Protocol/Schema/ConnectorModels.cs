using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipBot.Protocol.Schema;

/// <summary>What the Connector returns for a created or updated activity.</summary>
public sealed class ResourceResponse
{
    /// <summary>Id of the activity created or updated.</summary>
    public string? Id { get; set; }
}

/// <summary>Body of <c>POST v3/conversations</c> (proactive conversation creation).</summary>
public sealed class ConversationParameters
{
    /// <summary>True to start a group conversation or a channel post, false for a personal chat.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>The bot starting the conversation.</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>Who to start it with (one user for a personal chat).</summary>
    public IList<ChannelAccount>? Members { get; set; }

    /// <summary>Entra tenant to start it in.</summary>
    public string? TenantId { get; set; }

    /// <summary>First activity to post, for a channel post.</summary>
    public Activity? Activity { get; set; }

    /// <summary>Teams' channel data: the channel to post in and the tenant.</summary>
    public TeamsChannelData? ChannelData { get; set; }
}

/// <summary>Reply to <c>POST v3/conversations</c>.</summary>
public sealed class ConversationResourceResponse
{
    /// <summary>Id of the conversation created (or the existing one Teams returned).</summary>
    public string? Id { get; set; }

    /// <summary>Id of the first activity, when one was posted.</summary>
    public string? ActivityId { get; set; }

    /// <summary>Connector base URL for the conversation, when the service gives one.</summary>
    public string? ServiceUrl { get; set; }
}

/// <summary>One page of <c>GET v3/conversations/{id}/pagedmembers</c>.</summary>
public sealed class PagedMembersResult
{
    /// <summary>Token for the next page; null or empty on the last.</summary>
    public string? ContinuationToken { get; set; }

    /// <summary>The members on this page.</summary>
    public IList<ChannelAccount>? Members { get; set; }
}

/// <summary>The synchronous answer to an invoke, written into the HTTP response body.</summary>
public sealed class InvokeResponse
{
    /// <summary>Content type of an Adaptive Card answer to <c>adaptiveCard/action</c>.</summary>
    public const string CardType = Attachment.AdaptiveCardContentType;

    /// <summary>Content type of a plain message answer.</summary>
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>Content type of an error answer.</summary>
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>HTTP status of the answer (200 unless an error).</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>Content type of <see cref="Value"/>: <see cref="CardType"/>, <see cref="MessageType"/> or <see cref="ErrorType"/>.</summary>
    public string? Type { get; set; }

    /// <summary>The card, message text or error.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>An answer that replaces the card for the invoking user.</summary>
    public static InvokeResponse Card(JsonElement card) => new() { Type = CardType, Value = card };

    /// <summary>An answer the client shows as a short message.</summary>
    public static InvokeResponse Message(string text) =>
        new() { Type = MessageType, Value = JsonSerializer.SerializeToElement(text, ProtocolJsonContext.Default.String) };

    /// <summary>An error answer; the client shows the message.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = ErrorType,
        Value = JsonSerializer.SerializeToElement(new InvokeError { Code = code, Message = message }, ProtocolJsonContext.Default.InvokeError),
    };
}

/// <summary>The value of an error invoke response.</summary>
public sealed class InvokeError
{
    /// <summary>Machine-readable error code, e.g. <c>BadRequest</c>.</summary>
    public string? Code { get; set; }

    /// <summary>What the client shows the user.</summary>
    public string? Message { get; set; }
}

/// <summary>The value of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed class AdaptiveCardInvokeValue
{
    /// <summary>The Action.Execute that was pressed or refreshed.</summary>
    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary>manual (a click) or automatic (a refresh).</summary>
    public string? Trigger { get; set; }
}

/// <summary>The Action.Execute that was pressed.</summary>
public sealed class AdaptiveCardInvokeAction
{
    /// <summary>Always <c>Action.Execute</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The action's id in the card, when it has one.</summary>
    public string? Id { get; set; }

    /// <summary>The verb the card gave the action; what the bot routes on.</summary>
    public string? Verb { get; set; }

    /// <summary>The action's data merged with the card's inputs.</summary>
    public JsonElement? Data { get; set; }
}

/// <summary>The Connector's error body.</summary>
public sealed class ConnectorErrorResponse
{
    /// <summary>The error, in the Bot Framework shape.</summary>
    public ConnectorError? Error { get; set; }

    /// <summary>A top-level message, when the service sends one.</summary>
    public string? Message { get; set; }

    /// <summary>A top-level numeric code, when the service sends one.</summary>
    public int? ErrorCode { get; set; }
}

/// <summary>The error inside <see cref="ConnectorErrorResponse"/>.</summary>
public sealed class ConnectorError
{
    /// <summary>Error code, e.g. <c>ConversationNotFound</c> or <c>MessageWritesBlocked</c>.</summary>
    public string? Code { get; set; }

    /// <summary>The service's description of the error.</summary>
    public string? Message { get; set; }
}

/// <summary>Source-generated serialisation for every protocol type (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(ConnectorErrorResponse))]
[JsonSerializable(typeof(string))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
