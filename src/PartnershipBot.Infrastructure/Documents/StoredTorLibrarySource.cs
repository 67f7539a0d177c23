using System.Text.Json;
using Microsoft.Extensions.Logging;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Semantic;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// Builds the bot's ToR library from the store. On first run, when the store holds no ToR, it stores the
/// sample ToRs shipped with the build (samples/tor), so a newcomer can ask questions straight away. With
/// <paramref name="dense"/> the library ranks with sentence embeddings once they are ready (lexically until then).
/// </summary>
public sealed partial class StoredTorLibrarySource(
    ITermsDocumentStore store, TorLibrarySourceOptions options, ILogger<StoredTorLibrarySource> logger, DenseSimilarity? dense = null)
    : ITorLibrarySource, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private TorLibrary? current;

    /// <inheritdoc />
    public async ValueTask<TorLibrary> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } ready)
        {
            return ready;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is null)
            {
                var versions = await store.ListLatestAsync(cancellationToken);
                if (versions.Count == 0 && options.SeedDirectory is { Length: > 0 } seed && Directory.Exists(seed))
                {
                    await SeedAsync(seed, cancellationToken);
                    versions = await store.ListLatestAsync(cancellationToken);
                }

                var models = versions.Select(Build).OfType<TermsOfReferenceModel>().ToList();
                current = new TorLibrary(models, dense is null ? null : dense.For);
                // Seeded boards, and any stored before embeddings existed, are embedded in the background; stored
                // passages are found by text hash and skipped, so after a restart this costs only the hashing.
                foreach (var model in models)
                {
                    _ = dense?.PrepareAsync(model);
                }

                LogLoaded(logger, current.Boards.Count);
            }

            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Invalidate() => current = null;

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    /// <summary>Stores one ToR file as a new version; the board name defaults to the title the document gives.</summary>
    public static async Task<TermsDocumentVersion> IngestAsync(
        ITermsDocumentStore store, string path, string? boardName, string storedBy, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        var fileName = Path.GetFileName(path);
        var model = TermsOfReferenceModel.Build(fileName, TorFileReader.ExtractText(fileName, content), boardName);
        return (await StoreAsync(store, fileName, content, model, storedBy, cancellationToken)).Version;
    }

    /// <summary>Stores a modelled ToR, original bytes and extracted facts, as its board's newest version.</summary>
    public static async Task<IngestedTerms> StoreAsync(
        ITermsDocumentStore store, string fileName, byte[] content, TermsOfReferenceModel model, string storedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        var facts = JsonSerializer.Serialize(model.Facts.ToDictionary(f => f.Key.ToString(), f => new { Status = f.Value.Status.ToString(), Clause = f.Value.Evidence.Count > 0 ? f.Value.Evidence[0].Section : null, f.Value.Text }));
        var version = await store.AddVersionAsync(model.Identity.Name, fileName, TorFileReader.MediaTypeFor(fileName), content, facts, storedBy, cancellationToken);
        return new IngestedTerms(version, model);
    }

    private async Task SeedAsync(string directory, CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFiles(directory).Where(p => TorFileReader.SupportedExtensions.Contains(Path.GetExtension(p).ToLowerInvariant())).Order(StringComparer.Ordinal))
        {
            var stored = await IngestAsync(store, path, boardName: null, "seed", cancellationToken);
            var (seededBoard, seededFile) = (LogText.Clean(stored.BoardName), LogText.Clean(stored.FileName));
            LogSeeded(logger, seededBoard, seededFile);
        }
    }

    private TermsOfReferenceModel? Build(TermsDocumentVersion version)
    {
        try
        {
            return TermsOfReferenceModel.Build(version.FileName, TorFileReader.ExtractText(version.FileName, version.Content), version.BoardName);
        }
        catch (InvalidDataException ex)
        {
            // One unreadable upload must not take every other board's answers down with it.
            var unreadableBoard = LogText.Clean(version.BoardName);
            LogUnreadable(logger, ex, unreadableBoard, version.Version);
            return null;
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "ToR library loaded with {BoardCount} boards")]
    private static partial void LogLoaded(ILogger logger, int boardCount);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Stored sample ToR for {BoardName} from {FileName}")]
    private static partial void LogSeeded(ILogger logger, string boardName, string fileName);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Stored ToR for {BoardName} version {Version} could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string boardName, int version);
}

/// <summary>Where the first-run sample ToRs are (section <c>TermsOfReference</c>).</summary>
public sealed class TorLibrarySourceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TermsOfReference";

    /// <summary>
    /// <c>TermsOfReference:SeedDirectory</c>: the directory of ToR files stored when the store is empty; the samples
    /// beside the app by default, and empty (set to nothing) turns seeding off.
    /// </summary>
    public string? SeedDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "samples", "tor");
}
