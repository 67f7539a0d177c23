using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Agenda.Papers;

/// <summary>What the chair's late-paper card is about (the outbox row's payload).</summary>
/// <param name="ItemId">The agenda item.</param>
/// <param name="MeetingId">Its meeting.</param>
/// <param name="BoardName">Its board.</param>
/// <param name="Title">The item.</param>
/// <param name="OwnerName">Who brings it.</param>
/// <param name="FileName">The late file.</param>
/// <param name="PackDue">The day papers were due (YYYY-MM-DD).</param>
/// <param name="MeetingDate">The meeting (YYYY-MM-DD).</param>
/// <param name="Clause">The ToR's sentence forbidding late papers.</param>
public sealed record LatePaperRequest(
    string ItemId, string MeetingId, string BoardName, string Title, string? OwnerName, string FileName, string PackDue, string MeetingDate, string Clause);

/// <summary>
/// Where the ToR forbid late papers (<see cref="LateReportsClause"/>, what the ToR model already exposes), a paper
/// that comes in late goes to the chair and vice-chair to accept or refuse, each in their chat with the bot (with
/// neither recorded, the board's linked conversation), through the durable outbox: keyed by item and recipient, so a
/// second version or a retried activity asks nobody twice.
/// </summary>
public sealed class LatePapers(IReminderOutbox outbox, IBoardRoles roles, IBoardLinks links, TimeProvider time)
{
    /// <summary>The outbox kind of the chair's card.</summary>
    public const string ReminderKind = "late-paper";

    /// <summary>
    /// Queues the chair's card for <paramref name="request"/> when <paramref name="terms"/> forbid late papers; returns the
    /// sentence to add to the sender's acknowledgement, or null when the ToR allow late papers.
    /// </summary>
    public async Task<string?> AskChairAsync(LatePaperRequest request, TermsOfReferenceModel? terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (LateReportsClause.Find(terms) is not { } clause)
        {
            return null;
        }

        var chairs = new List<PersonRecord>();
        foreach (var role in new[] { BoardRole.Chair, BoardRole.ViceChair })
        {
            chairs.AddRange((await roles.HoldersAsync(request.BoardName, role, cancellationToken)).Where(p => chairs.All(c => c.PersonId != p.PersonId)));
        }

        var linked = await links.LinkedConversationsAsync(request.BoardName, cancellationToken);
        IReadOnlyList<string> recipients = chairs.Count > 0 ? [.. chairs.Select(c => c.PersonId)] : linked.Count > 0 ? [linked[^1]] : [];
        var payload = JsonSerializer.Serialize(request with { Clause = clause }, LatePaperJsonContext.Default.LatePaperRequest);
        foreach (var recipient in recipients)
        {
            await outbox.EnqueueAsync(new ReminderRecord(Guid.NewGuid().ToString("N"), $"{ReminderKind}/{request.ItemId}/{recipient}", request.BoardName, recipient, ReminderKind, time.GetUtcNow(), payload), cancellationToken);
        }

        var who = chairs.Count > 0
            ? "the chair" + (chairs.Any(c => c.Name is not null) ? $" ({string.Join(", ", chairs.Select(c => c.Name).OfType<string>())})" : string.Empty) + " has been asked to accept or refuse it"
            : recipients.Count > 0 ? "no chair is recorded, so the board's conversation has been asked to accept or refuse it" : "no chair is recorded and the board has no linked conversation: please tell the chair yourself";
        return $" The Terms of Reference say: “{clause}” So {who}.";
    }

    /// <summary>The request a late-paper outbox row carries.</summary>
    public static LatePaperRequest Read(ReminderRecord reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return JsonSerializer.Deserialize(reminder.PayloadJson, LatePaperJsonContext.Default.LatePaperRequest)!;
    }
}

/// <summary>JSON for late-paper requests.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LatePaperRequest))]
internal sealed partial class LatePaperJsonContext : JsonSerializerContext;
