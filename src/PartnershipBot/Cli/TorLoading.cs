using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Infrastructure.Documents;

namespace PartnershipBot.Cli;

/// <summary>Loads ToR files named on the command line, turning unreadable files into usage errors.</summary>
internal static class TorLoading
{
    public static async Task<TorLibrary> LoadFilesAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var models = new List<TermsOfReferenceModel>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new CommandLineException($"ToR file not found: {path}");
            }

            try
            {
                models.Add(await TorFileReader.LoadAsync(path, boardName: null, cancellationToken));
            }
            catch (InvalidDataException ex)
            {
                throw new CommandLineException(ex.Message);
            }
        }

        return new TorLibrary(models);
    }
}
