namespace PartnershipBot;

/// <summary>Builds the web host that serves the bot.</summary>
public static class BotHost
{
    /// <summary>The address used when neither --urls nor ASPNETCORE_URLS is given.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>Creates the configured web application.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
