using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipBot.Protocol.Schema;

/// <summary>What the Connector returns for a created or updated activity.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>Body of <c>POST v3/conversations</c> (proactive conversation creation).</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public IList<ChannelAccount>? Members { get; set; }

    public string? TenantId { get; set; }

    public Activity? Activity { get; set; }

    public TeamsChannelData? ChannelData { get; set; }
}

/// <summary>Reply to <c>POST v3/conversations</c>.</summary>
public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }

    public string? ActivityId { get; set; }

    public string? ServiceUrl { get; set; }
}

/// <summary>One page of <c>GET v3/conversations/{id}/pagedmembers</c>.</summary>
public sealed class PagedMembersResult
{
    public string? ContinuationToken { get; set; }

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

    public int StatusCode { get; set; } = 200;

    public string? Type { get; set; }

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
    public string? Code { get; set; }

    public string? Message { get; set; }
}

/// <summary>The value of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary>manual (a click) or automatic (a refresh).</summary>
    public string? Trigger { get; set; }
}

/// <summary>The Action.Execute that was pressed.</summary>
public sealed class AdaptiveCardInvokeAction
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Verb { get; set; }

    public JsonElement? Data { get; set; }
}

/// <summary>The Connector's error body.</summary>
public sealed class ConnectorErrorResponse
{
    public ConnectorError? Error { get; set; }

    public string? Message { get; set; }

    public int? ErrorCode { get; set; }
}

/// <summary>The error inside <see cref="ConnectorErrorResponse"/>.</summary>
public sealed class ConnectorError
{
    public string? Code { get; set; }

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
