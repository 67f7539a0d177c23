using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Answering;

namespace PartnershipBot.Cli;

/// <summary>Board names as the verbs take them: resolved among the stored boards the same way chat resolves them.</summary>
internal static class CliBoards
{
    /// <summary>The board meant by <paramref name="typed"/> (unique prefix or other name), else a usage error listing the matches.</summary>
    public static async Task<string> ResolveAsync(IServiceProvider services, string typed, CancellationToken cancellationToken) =>
        Resolve(await services.GetRequiredService<ITorLibrarySource>().GetAsync(cancellationToken), typed);

    /// <summary>The board of <paramref name="library"/> meant by <paramref name="typed"/>, else a usage error listing the matches.</summary>
    public static string Resolve(TorLibrary library, string typed)
    {
        var boards = library.Boards.Select(b => (b.Identity.Name, (IEnumerable<string>)[b.Identity.Title])).ToList();
        var match = BoardNames.Resolve(typed, boards);
        if (match.Board is { } board)
        {
            return board;
        }

        var listed = match.Candidates.Count > 0 ? match.Candidates : boards.Select(b => b.Name).ToList();
        throw new CommandLineException(
            $"{(match.Candidates.Count > 0 ? $"\"{typed}\" could be several boards" : $"No board called \"{typed}\"")}: say which, one of {string.Join(", ", listed.Select(n => $"\"{n}\""))}.");
    }
}
