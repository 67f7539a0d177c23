using System.Data.Common;
using Dapper;
using PartnershipBot.Features.Declarations;

namespace PartnershipBot.Infrastructure.Persistence.Integrity;

/// <summary>
/// Walks one keyed chain in order and says what is wrong with it, in words an auditor can act on: an entry whose
/// content no longer matches its keyed hash (edited), an entry linking to one that isn't there (entries missing), and,
/// against the signed checkpoints (in the database, in the head file, or given by the operator from the log), a chain
/// shorter than it was (truncated) or different from what was checkpointed (rewritten).
/// </summary>
internal sealed class ChainCheck(string what, string noun)
{
    private readonly List<string> hashes = [];
    private string previous = string.Empty;

    /// <summary>What is wrong, in order found.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The first entry edited or following a gap.</summary>
    public long? FirstBroken { get; private set; }

    /// <summary>Checks the next entry: its stored link and hash, and the hash its content should have.</summary>
    public void Next(long sequence, string storedPrevious, string storedHash, string expectedHash)
    {
        if (!string.Equals(expectedHash, storedHash, StringComparison.Ordinal))
        {
            Broken(sequence, $"{what}: {noun} #{sequence} was edited (its content no longer matches its keyed hash).");
        }
        else if (!string.Equals(storedPrevious, previous, StringComparison.Ordinal))
        {
            Broken(sequence, $"{what}: entries are missing before {noun} #{sequence} (it links to an entry that is not there).");
        }

        previous = storedHash;
        hashes.Add(storedHash);
    }

    /// <summary>Compares the chain with its latest signed checkpoint, the head file's, and the operator's.</summary>
    public async Task CheckHeadsAsync(DbConnection connection, RegisterKey key, string chain, RegisterCheckpoint? headFile, RegisterHead? given, CancellationToken cancellationToken)
    {
        var latest = await connection.QuerySingleOrDefaultAsync<CheckpointRow>(new CommandDefinition(
            "SELECT entries AS Entries, head AS Head, at AS At, mac AS Mac FROM register_checkpoints WHERE chain = @chain ORDER BY sequence DESC LIMIT 1",
            new { chain }, cancellationToken: cancellationToken));
        if (latest is null)
        {
            if (hashes.Count > 0)
            {
                Problems.Add($"{what}: there is no signed checkpoint of its head (were the checkpoints removed?).");
            }
        }
        else
        {
            Compare(key, chain, "the database's latest checkpoint", latest.Entries, latest.Head, latest.At, latest.Mac);
        }

        if (headFile is not null)
        {
            Compare(key, chain, $"the head file ({RegisterAnchor.FileName})", headFile.Entries, headFile.Head, DbValues.Text(headFile.At), headFile.Mac);
        }

        if (given is not null)
        {
            Compare(key, chain, "the head you gave", given.Entries, given.Head, at: null, mac: null);
        }
    }

    private void Compare(RegisterKey key, string chain, string source, long entries, string head, string? at, string? mac)
    {
        var when = at is null ? string.Empty : $" of {at}";
        if (mac is not null && !key.Verify(RegisterChains.CheckpointCanonical(chain, entries, head), mac))
        {
            Problems.Add($"{what}: {source}{when} is not signed by this register key (forged, or made under another key).");
        }
        else if (entries > hashes.Count)
        {
            Problems.Add($"{what} truncated: {source}{when} records {entries} entries ending {Short(head)}, but only {hashes.Count} are there.");
        }
        else if (entries > 0 && !string.Equals(hashes[(int)entries - 1], head, StringComparison.Ordinal))
        {
            Problems.Add($"{what} rewritten: {source}{when} records entry {entries} as {Short(head)}, but it is now {Short(hashes[(int)entries - 1])}.");
        }
    }

    private void Broken(long sequence, string problem)
    {
        FirstBroken ??= sequence;
        Problems.Add(problem);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    private sealed class CheckpointRow
    {
        public long Entries { get; set; }
        public string Head { get; set; } = "";
        public string At { get; set; } = "";
        public string Mac { get; set; } = "";
    }
}
