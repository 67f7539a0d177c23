using System.Net;

namespace PartnershipBot.Protocol.Connector;

/// <summary>How a Connector call ended, in the terms a feature acts on.</summary>
public enum ConnectorOutcome
{
    /// <summary>Delivered.</summary>
    Sent,

    /// <summary>403: the user blocked or uninstalled the bot (MessageWritesBlocked and kin). Not retried.</summary>
    Blocked,

    /// <summary>404: the conversation no longer exists. Not retried; forget the reference.</summary>
    ConversationNotFound,

    /// <summary>413: the message is too big. Not retried; shrink it.</summary>
    MessageTooLarge,

    /// <summary>Still 429/412/5xx after the retries.</summary>
    FailedAfterRetries,

    /// <summary>Any other failure (400, 401, 500, ...). Not retried.</summary>
    Failed,
}

/// <summary>A Connector call's outcome, status code, the error code the service gave, and the value on success.</summary>
public sealed record ConnectorResult<T>(ConnectorOutcome Outcome, HttpStatusCode? StatusCode, string? ErrorCode, T? Value)
{
    /// <summary>True when delivered.</summary>
    public bool Succeeded => Outcome == ConnectorOutcome.Sent;
}
