using Microsoft.Extensions.Options;
using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Hosting;

namespace PartnershipBot.Tab;

/// <summary>
/// Who is calling a <c>/tab/api/...</c> endpoint: with an app id, the person of a valid SSO token; in local mode, a
/// loopback caller that was not relayed by a proxy, signed in as <c>Tab:DevelopmentPerson</c>. One place, so every
/// tab endpoint signs in alike.
/// </summary>
public sealed class TabCaller(IOptions<BotFrameworkOptions> bot, IOptions<TabOptions> tab, TabTokenValidator validator)
{
    /// <summary>The sign-in of <paramref name="context"/>'s request, or why it is refused.</summary>
    public async Task<TabSignIn> SignInAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (bot.Value.IsLocalMode)
        {
            return LocalModeGuard.CheckCaller(context) is { } refusal ? TabSignIn.Refused(refusal) : TabSignIn.As(DevelopmentPerson(), null);
        }

        return await validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), context.RequestAborted);
    }

    private string? DevelopmentPerson() =>
        string.IsNullOrWhiteSpace(tab.Value.DevelopmentPerson) ? null : tab.Value.DevelopmentPerson.Trim();
}
