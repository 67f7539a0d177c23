using Microsoft.Extensions.Options;

namespace PartnershipBot.Protocol.Authentication;

/// <summary>
/// Refuses, at start-up and naming the key, settings that would otherwise fail only on the first request: an
/// unknown <c>MicrosoftAppType</c> (found when the first reply needs a token) or a metadata URL that is not an
/// absolute https address (found when the first activity is validated).
/// </summary>
public sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!AppTypes.Contains(options.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, not '{options.MicrosoftAppType}'.");
        }

        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadata) || (metadata.Scheme != Uri.UriSchemeHttps && metadata.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"BotFramework:OpenIdMetadataUrl must be an absolute https URL, not '{options.OpenIdMetadataUrl}'.");
        }
        else if (metadata.Scheme != Uri.UriSchemeHttps && !ChannelTokenValidator.IsLoopback(metadata))
        {
            failures.Add("BotFramework:OpenIdMetadataUrl must use https (http is allowed only for loopback hosts).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
