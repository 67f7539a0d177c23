using System.Globalization;
using CsvHelper;
using NodaTime;
using PartnershipBot.Features.Declarations;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// The register as CSV for the secretariat: UTF-8 with a byte-order mark so Excel opens it correctly, one row
/// per declaration. Columns: Entry, DeclaredUtc, DeclaredLocal (Europe/London), Board, Item, PersonId,
/// PersonName, Interest, Nature, Hash.
/// </summary>
public static class DeclarationsCsv
{
    /// <summary>Writes <paramref name="records"/> to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(IEnumerable<DeclarationRecord> records, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        // Member-typed text goes into Excel: formula-looking cells are escaped so they can't run as formulas.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        foreach (var header in new[] { "Entry", "DeclaredUtc", "DeclaredLocal", "Board", "Item", "PersonId", "PersonName", "Interest", "Nature", "Hash" })
        {
            csv.WriteField(header);
        }

        await csv.EndRecordAsync(cancellationToken);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = record.Entry;
            var local = Instant.FromDateTimeOffset(entry.DeclaredAt).InZone(london);
            csv.WriteField(record.Sequence.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(entry.DeclaredAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            csv.WriteField(local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            csv.WriteField(entry.BoardName);
            csv.WriteField(entry.Item);
            csv.WriteField(entry.PersonId);
            csv.WriteField(entry.PersonName);
            csv.WriteField(DeclarationChain.Code(entry.Interest));
            csv.WriteField(entry.Nature);
            csv.WriteField(record.Hash);
            await csv.EndRecordAsync(cancellationToken);
        }
    }
}
