using Microsoft.Extensions.Options;

namespace PartnershipBot.Hosting;

/// <summary>
/// Runs every options check registered with <c>ValidateOnStart</c> while the host is being built, so a bad setting
/// stops <c>dotnet run</c> with one line naming the key ("PartnershipBot did not start: Reminders:PollInterval must
/// ..."), before anything else resolves the options and before a socket is opened.
/// </summary>
internal static class StartupSettings
{
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names every bad key.</exception>
    public static void Check(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new InvalidOperationException(string.Join(' ', ex.Failures), ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new InvalidOperationException(string.Join(' ', ex.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)), ex);
        }
    }
}
