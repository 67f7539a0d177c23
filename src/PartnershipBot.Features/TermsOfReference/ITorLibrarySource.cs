using PartnershipBot.Features.TermsOfReference.Answering;

namespace PartnershipBot.Features.TermsOfReference;

/// <summary>The boards the bot currently knows (port): built from the newest stored ToR of each board.</summary>
public interface ITorLibrarySource
{
    /// <summary>The current library; cheap after the first call.</summary>
    ValueTask<TorLibrary> GetAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the cached library so the next call sees newly ingested versions.</summary>
    void Invalidate();
}
