using System.Diagnostics;
using System.Text.Json;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Infra;

/// <summary>
/// The container image settings as the SDK evaluates them (dotnet msbuild -getProperty/-getItem, not a text search):
/// a non-root user, one port, a listen address on it for all interfaces; docs/deploying.md gives the /healthz probes an SDK
/// image can't carry as a HEALTHCHECK; and the CI script says plainly when it cannot build the image.
/// </summary>
[Trait(TestTier.Category, TestTier.ChildProcess)]
public sealed class ContainerSettingsTests
{
    [Fact]
    public async Task The_image_runs_as_a_non_root_user_and_listens_on_its_one_port_on_all_interfaces()
    {
        var (exit, output) = await RunAsync("dotnet", "msbuild", "src/PartnershipBot/PartnershipBot.csproj",
            "-getProperty:ContainerUser", "-getProperty:ContainerRepository", "-getProperty:ContainerFamily", "-getItem:ContainerPort", "-getItem:ContainerEnvironmentVariable");

        Assert.True(exit == 0, output);
        using var evaluated = JsonDocument.Parse(output);
        var properties = evaluated.RootElement.GetProperty("Properties");
        var user = properties.GetProperty("ContainerUser").GetString();
        Assert.False(string.IsNullOrWhiteSpace(user));
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        Assert.Equal("partnershipbot", properties.GetProperty("ContainerRepository").GetString());
        var port = Assert.Single(evaluated.RootElement.GetProperty("Items").GetProperty("ContainerPort").EnumerateArray());
        Assert.Equal("8080", port.GetProperty("Identity").GetString());
        var environment = evaluated.RootElement.GetProperty("Items").GetProperty("ContainerEnvironmentVariable").EnumerateArray()
            .ToDictionary(e => e.GetProperty("Identity").GetString()!, e => e.GetProperty("Value").GetString());
        // Without it the host binds localhost:3978, unreachable from outside the container.
        Assert.Equal("http://+:8080", environment["ASPNETCORE_URLS"]);
        Assert.StartsWith("/home/app/", environment["Storage__DataDirectory"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deploy_guide_gives_the_orchestrator_the_liveness_and_readiness_probes()
    {
        var readme = await File.ReadAllTextAsync(RepositoryPaths.Combine("docs", "deploying.md"));
        var container = readme[readme.IndexOf("### Container", StringComparison.Ordinal)..];
        var next = container.IndexOf("\n#", 5, StringComparison.Ordinal);
        container = next < 0 ? container : container[..next];

        Assert.Contains("/t:PublishContainer", container, StringComparison.Ordinal);
        Assert.Contains("/healthz/ready", container, StringComparison.Ordinal);
        Assert.Contains("livenessProbe", container, StringComparison.Ordinal);
        Assert.Contains("8080", container, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_route_to_the_base_image_registry_CI_says_the_image_was_skipped_and_why()
    {
        var (exit, output) = await RunAsync("bash", ["scripts/container-image.sh"], new() { ["PARTNERSHIPBOT_CONTAINER_REGISTRY"] = "registry.invalid" });

        Assert.Equal(0, exit);
        Assert.Contains("container image: SKIPPED, not built: the base image registry registry.invalid cannot be reached", output, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output)> RunAsync(string file, params string[] args) => RunAsync(file, args, []);

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
