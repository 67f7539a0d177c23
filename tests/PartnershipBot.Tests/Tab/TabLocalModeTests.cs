using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// The tab's contract in local mode (no app id, loopback only): the page is served, and the API lists every board the
/// bot knows, with the roles the development person (<c>Tab:DevelopmentPerson</c>) holds, without any token.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabLocalModeTests : ChatTest
{
    private const string DevelopmentPerson = "00000000-0000-0000-0000-0000000000de";
    private const string Board = "Thurrock Community Safety Partnership Strategic Board";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Tab:DevelopmentPerson"] = DevelopmentPerson,
    };

    [Fact]
    public Task TabPage_LocalMode_Is200Html() => TabApi.AssertPageAsync(Client);

    [Fact]
    public async Task ConfigPage_LocalMode_Is200HtmlSignedInAsTheDevelopmentPerson()
    {
        using var response = await Client.GetAsync(new Uri("/tab/config", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-sign-in=\"local\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Add the board tab</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boards_LocalMode_ListsEveryBoardWithTheDevelopmentPersonsRoles()
    {
        await Host.Services.GetRequiredService<IBoardDirectory>().AssignRoleAsync(
            Board, DevelopmentPerson, BoardRole.ViceChair, "test", DateTimeOffset.UtcNow, CancellationToken.None);

        var (status, body) = await TabApi.GetBoardsAsync(Client);

        Assert.Equal(HttpStatusCode.OK, status);
        var boards = TabApi.Parse(body);
        Assert.Equal(5, boards.Count);
        Assert.Equal(["vice-chair"], boards[Board]);
        Assert.All(boards.Where(b => b.Key != Board), b => Assert.Empty(b.Value));
    }

    [Fact]
    public async Task Boards_LocalModeRequestRelayedByAProxy_Is401()
    {
        var (status, body) = await TabApi.GetBoardsAsync(Client, edit: r => r.Headers.Add("X-Forwarded-For", "203.0.113.9"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(body);
    }

    [Fact]
    public async Task TeamsLibrary_IsTheVendoredFileUnchanged()
    {
        using var response = await Client.GetAsync(new Uri("/tab/lib/teams-js/MicrosoftTeams.min.js", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        // @microsoft/teams-js 2.58.0, dist/umd/MicrosoftTeams.min.js (src/PartnershipBot/Tab/Vendor/teams-js/README.md).
        Assert.Equal("1737ae2e319c8ab56d71d2218fd5a49d96a8ad70eb01ff2e9ab7e35093b93379", Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Theory]
    [InlineData("/tab/tab.js", "text/javascript")]
    [InlineData("/tab/tab.css", "text/css")]
    [InlineData("/tab/lib/teams-js/LICENSE", "text/plain")]
    public async Task TabAsset_IsServed(string path, string mediaType)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }
}
