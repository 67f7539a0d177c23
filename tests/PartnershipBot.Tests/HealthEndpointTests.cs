using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests;

[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class HealthEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Healthz_WhenHostIsUp_ReturnsOk()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
