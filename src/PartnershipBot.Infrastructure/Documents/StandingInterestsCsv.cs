using System.Globalization;
using CsvHelper;
using NodaTime;
using PartnershipBot.Features.Interests;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// The standing register of interests as CSV, beside the per-item register's (which keeps its own columns): UTF-8 with
/// a byte-order mark for Excel, one row per organisation of each version (a "nothing to declare" version is one row
/// with Section "none"). Columns: Member, MemberId, Section, Organisation, Note, Version, UpdatedUtc, UpdatedLocal
/// (Europe/London), RecordedBy, Entry, EntryHash.
/// </summary>
public static class StandingInterestsCsv
{
    /// <summary>Writes <paramref name="records"/> (every version, or only each member's latest) to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(IEnumerable<StandingRecord> records, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        // Member-typed text goes into Excel: formula-looking cells are escaped so they can't run as formulas.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        foreach (var header in new[] { "Member", "MemberId", "Section", "Organisation", "Note", "Version", "UpdatedUtc", "UpdatedLocal", "RecordedBy", "Entry", "EntryHash" })
        {
            csv.WriteField(header);
        }

        await csv.EndRecordAsync(cancellationToken);
        foreach (var record in records)
        {
            var declaration = record.Declaration;
            var rows = declaration.NothingToDeclare || declaration.Interests.Count == 0
                ? [("none", (string?)null, (string?)null)]
                : declaration.Interests.Select(i => (InterestSections.Code(i.Section), (string?)i.Organisation, i.Note)).ToList();
            foreach (var (section, organisation, note) in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                csv.WriteField(declaration.PersonName ?? declaration.PersonId);
                csv.WriteField(declaration.PersonId);
                csv.WriteField(section);
                csv.WriteField(organisation);
                csv.WriteField(note);
                csv.WriteField(record.Version.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(declaration.DeclaredAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                csv.WriteField(Instant.FromDateTimeOffset(declaration.DeclaredAt).InZone(london).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                csv.WriteField(declaration.RecordedBy);
                csv.WriteField(record.Sequence.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(record.Hash);
                await csv.EndRecordAsync(cancellationToken);
            }
        }
    }
}
