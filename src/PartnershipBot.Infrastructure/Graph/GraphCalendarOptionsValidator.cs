using Microsoft.Extensions.Options;
using PartnershipBot.Protocol.Authentication;

namespace PartnershipBot.Infrastructure.Graph;

/// <summary>
/// Refuses at start-up, naming the key, a Graph endpoint that is not an absolute https address (the bot's Graph token
/// would go there; http only for a loopback stub), a sync interval the background timer can't take, and a per-board
/// mailbox entry missing its board or its mailbox (which used to be dropped without a word).
/// </summary>
public sealed class GraphCalendarOptionsValidator : IValidateOptions<GraphCalendarOptions>
{
    private const string Section = GraphCalendarOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GraphCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var url = options.BaseUrl;
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:BaseUrl must be an absolute https URL such as {GraphCalendarOptions.PublicCloudBaseUrl}, not '{url?.OriginalString}'.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !ChannelTokenValidator.IsLoopback(url))
        {
            failures.Add($"{Section}:BaseUrl must use https (http is allowed only for loopback hosts), not '{url.OriginalString}'.");
        }

        if (options.SyncInterval <= TimeSpan.Zero || options.SyncInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}:SyncInterval must be longer than zero and at most a day (e.g. 00:15:00), not {options.SyncInterval}.");
        }

        for (var i = 0; i < options.BoardMailboxes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.BoardMailboxes[i].Board) || string.IsNullOrWhiteSpace(options.BoardMailboxes[i].Mailbox))
            {
                failures.Add($"{Section}:BoardMailboxes:{i} needs both Board and Mailbox.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
