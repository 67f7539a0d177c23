using Microsoft.Extensions.Options;

namespace PartnershipBot.Protocol.Connector;

/// <summary>
/// Refuses retry settings that would send without backing off or wait without end, naming the
/// <c>BotFramework:Connector</c> key, so a typo stops start-up instead of showing up as a retry storm.
/// </summary>
public sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    private const string Section = "BotFramework:Connector";

    /// <summary>More than this many retries of one send would hold a reminder batch past any sensible claim lease.</summary>
    public const int MostRetries = 20;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRetries is < 0 or > MostRetries)
        {
            failures.Add($"{Section}:MaxRetries must be between 0 and {MostRetries}, not {options.MaxRetries}.");
        }

        if (options.BaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:BaseDelay must be longer than zero (e.g. 00:00:01), not {options.BaseDelay}.");
        }

        if (options.MaxDelay < options.BaseDelay)
        {
            failures.Add($"{Section}:MaxDelay must be at least {Section}:BaseDelay ({options.BaseDelay}), not {options.MaxDelay}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
