using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>Loads the repository's sample ToRs and this project's test ToRs.</summary>
internal static class TestBoards
{
    public static string Fixture(string name) =>
        RepositoryPaths.Combine("tests", "PartnershipBot.Features.Tests", "TermsOfReference", "Fixtures", name);

    public static TermsOfReferenceModel LoadFixture(string name, Func<string, string>? rewrite = null)
    {
        var text = File.ReadAllText(Fixture(name));
        return TermsOfReferenceModel.Build(name, rewrite is null ? text : rewrite(text));
    }

    public static TermsOfReferenceModel LoadSample(string fileName) =>
        TermsOfReferenceModel.Build(fileName, File.ReadAllText(RepositoryPaths.Combine("samples", "tor", fileName)));

    public static TorAnswer Ask(TermsOfReferenceModel board, string question) => new TorLibrary([board]).Ask(question);
}
