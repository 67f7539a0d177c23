namespace PartnershipBot.Protocol.Connector;

/// <summary>Retry settings for Connector calls (<c>BotFramework:Connector</c> section).</summary>
public sealed class ConnectorOptions
{
    /// <summary>Retries after the first attempt for 412/429/502/503/504 and network errors.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay when the service gives no Retry-After; doubles with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait, whatever Retry-After says.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
}
