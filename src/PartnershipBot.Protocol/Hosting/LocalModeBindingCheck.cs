using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PartnershipBot.Protocol.Authentication;

namespace PartnershipBot.Protocol.Hosting;

/// <summary>
/// The second half of <see cref="LocalModeGuard"/>: once the server has bound its sockets, checks the addresses it
/// actually listens on (Kestrel endpoints from configuration, <c>ASPNETCORE_HTTP_PORTS</c>, code), not only
/// <c>--urls</c>. In local mode any non-loopback address fails the start, so the host never serves unauthenticated
/// requests beyond this machine.
/// </summary>
public sealed class LocalModeBindingCheck(IServer server, IOptions<BotFrameworkOptions> options) : IHostedLifecycleService
{
    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // A test server binds nothing and has no addresses to check.
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        LocalModeGuard.EnsureSafe(options.Value, bound);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
