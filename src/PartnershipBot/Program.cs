using PartnershipBot;
using PartnershipBot.Cli;

// Admin verbs (ask, schedule, deadline, quorum, db, ...) run before any web host is built,
// so scripts get plain output and a meaningful exit code.
if (AdminCommandLine.TryFind(args, out var command))
{
    return await AdminCommandLine.RunAsync(command, args);
}

var app = BotHost.Build(args);
await app.RunAsync();
return 0;

/// <summary>Entry point marker for WebApplicationFactory-based tests.</summary>
public partial class Program;
