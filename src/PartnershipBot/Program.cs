using PartnershipBot;
using PartnershipBot.Cli;

// Admin verbs (ask, schedule, deadline, quorum, db, ...) run before any web host is built,
// so scripts get plain output and a meaningful exit code.
// So do help and unknown words: neither may start (or fail to start) the web host.
if (await AdminCommandLine.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

WebApplication app;
try
{
    app = BotHost.Build(args);
}
catch (InvalidOperationException ex)
{
    // An unsafe or incomplete set-up: say why in one paragraph, not a stack trace.
    await Console.Error.WriteLineAsync($"PartnershipBot did not start: {ex.Message}");
    return 1;
}

try
{
    await app.RunAsync();
}
catch (PartnershipBot.Protocol.Hosting.LocalModeRefusedException ex)
{
    // Local mode found listening beyond loopback once bound: the same refusal as at build time.
    await Console.Error.WriteLineAsync($"PartnershipBot did not start: {ex.Message}");
    return 1;
}

return 0;

/// <summary>Entry point marker for WebApplicationFactory-based tests.</summary>
public partial class Program;
