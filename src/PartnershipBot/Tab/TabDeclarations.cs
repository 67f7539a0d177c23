using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Tab;

/// <summary>
/// Each financial decision on the board's coming meetings with where its declarations stand: who declared no
/// interest, who withdraws, who is outstanding, and the quorum after recusals. Tallied by <see cref="DeclarationTally"/>,
/// as chat's "declarations for ITEM" is, so the tab and the chair's card cannot disagree.
/// </summary>
public sealed class TabDeclarations(IMeetingStore meetings, IDeclarationItemStore items, DeclarationTally tally, TimeProvider time)
{
    /// <summary>The financial items of <paramref name="board"/>'s next <see cref="TabBoardOverview.MeetingsShown"/> meetings, soonest first.</summary>
    public async Task<TabDeclarationsView> ForAsync(string board, CancellationToken cancellationToken)
    {
        var shown = new List<TabFinancialItem>();
        foreach (var meeting in await meetings.UpcomingAsync(board, time.GetUtcNow(), TabBoardOverview.MeetingsShown, cancellationToken))
        {
            var date = LocalDatePattern.Iso.Format(Instant.FromDateTimeOffset(meeting.StartsAt).InZone(MeetingTimes.London).Date);
            foreach (var item in (await items.ForMeetingAsync(meeting.MeetingId, cancellationToken)).OrderBy(i => i.AddedAt))
            {
                shown.Add(await ItemAsync(item, date, cancellationToken));
            }
        }

        return new TabDeclarationsView(board, shown);
    }

    private async Task<TabFinancialItem> ItemAsync(DeclarationItem item, string meetingDate, CancellationToken cancellationToken)
    {
        var status = await tally.StatusAsync(item, cancellationToken);
        var (quorum, problem) = await tally.QuorumAsync(status, cancellationToken);
        return new TabFinancialItem(
            item.ItemId,
            item.Title,
            meetingDate,
            [.. status.NoInterest.Select(status.NameOf)],
            [.. status.Withdrawing.Select(m => new TabWithdrawal(status.NameOf(m), InterestName(status.LatestOf(m.PersonId)!.Entry.Interest), status.LatestOf(m.PersonId)!.Entry.Nature))],
            [.. status.Outstanding.Select(status.NameOf)],
            quorum is null ? null : new TabItemQuorum(quorum.Members, quorum.Needed, quorum.Withdrawing, quorum.Eligible, quorum.Quorate, quorum.Rule, quorum.Arithmetic),
            problem);
    }

    private static string InterestName(InterestKind interest) => DeclarationChain.Code(interest);
}

/// <summary><c>GET /tab/api/boards/{name}/declarations</c>: the coming financial decisions and their declarations.</summary>
/// <param name="Board">The board.</param>
/// <param name="Items">The items, by meeting, soonest first.</param>
public sealed record TabDeclarationsView(
    [property: JsonPropertyName("board")] string Board,
    [property: JsonPropertyName("items")] IReadOnlyList<TabFinancialItem> Items);

/// <summary>A financial decision on a coming meeting.</summary>
/// <param name="Id">The item's id: what Chase names.</param>
/// <param name="Title">The item as the agenda words it.</param>
/// <param name="MeetingDate">Its meeting's date in London (YYYY-MM-DD).</param>
/// <param name="NoInterest">Members whose latest answer is no interest.</param>
/// <param name="Withdrawing">Members who declared an interest and withdraw.</param>
/// <param name="Outstanding">Members who have not declared: whom Chase sends the card to.</param>
/// <param name="Quorum">The quorum after recusals; null when it cannot be worked out (see <paramref name="QuorumProblem"/>).</param>
/// <param name="QuorumProblem">Why the quorum cannot be worked out, as chat says it; null when it can.</param>
public sealed record TabFinancialItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("meetingDate")] string MeetingDate,
    [property: JsonPropertyName("noInterest")] IReadOnlyList<string> NoInterest,
    [property: JsonPropertyName("withdrawing")] IReadOnlyList<TabWithdrawal> Withdrawing,
    [property: JsonPropertyName("outstanding")] IReadOnlyList<string> Outstanding,
    [property: JsonPropertyName("quorum")] TabItemQuorum? Quorum,
    [property: JsonPropertyName("quorumProblem")] string? QuorumProblem);

/// <summary>A member withdrawing from an item.</summary>
/// <param name="Name">Who.</param>
/// <param name="Interest"><c>pecuniary</c> or <c>non-pecuniary</c>.</param>
/// <param name="Nature">What the interest is, as declared.</param>
public sealed record TabWithdrawal(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("interest")] string Interest,
    [property: JsonPropertyName("nature")] string? Nature);

/// <summary>The ToR's quorum rule applied after the item's recusals (<see cref="QuorumCheck"/>).</summary>
public sealed record TabItemQuorum(
    [property: JsonPropertyName("members")] int Members,
    [property: JsonPropertyName("needed")] int Needed,
    [property: JsonPropertyName("withdrawing")] int Withdrawing,
    [property: JsonPropertyName("eligible")] int Eligible,
    [property: JsonPropertyName("quorate")] bool Quorate,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("arithmetic")] string Arithmetic);

/// <summary>The body of <c>POST /tab/api/boards/{name}/declarations/{id}/chase</c>.</summary>
/// <param name="PressId">A new id for each press of the button (the page makes one); a repeat of the same id chases no one again.</param>
public sealed record TabChaseRequest([property: JsonPropertyName("pressId")] string? PressId);

/// <summary>The answer to a Chase press.</summary>
/// <param name="Queued">Cards this press queued.</param>
/// <param name="Outstanding">Who is outstanding, whom the cards went (or had already gone) to.</param>
public sealed record TabChaseResult(
    [property: JsonPropertyName("queued")] int Queued,
    [property: JsonPropertyName("outstanding")] IReadOnlyList<string> Outstanding);
