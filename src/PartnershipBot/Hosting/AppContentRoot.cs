namespace PartnershipBot.Hosting;

/// <summary>
/// The host's content root is the app's own folder, whatever directory it was started from. <c>dotnet run</c>
/// runs in the caller's folder (RunWorkingDirectory, so the verbs resolve relative paths as typed), and the default
/// content root would follow it: <c>appsettings.json</c> would not load from the repo root.
/// </summary>
public static class AppContentRoot
{
    /// <summary>A web application builder rooted at the app's folder unless --contentRoot or the environment names another.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return IsGiven(args)
            ? WebApplication.CreateBuilder(args)
            : WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    }

    // An explicit choice (an operator's, or the test host's) wins over the app folder.
    private static bool IsGiven(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
