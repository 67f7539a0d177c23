using PartnershipBot.Features.TermsOfReference;

namespace PartnershipBot.Features.Declarations;

/// <summary>Reads where an item's declarations stand, and what that means for the quorum under the board's ToR.</summary>
public sealed class DeclarationTally(IDeclarationRegister register, DeclarationMembers members, ITorLibrarySource library)
{
    /// <summary>The item's declarations against the board's current members.</summary>
    public async Task<DeclarationStatus> StatusAsync(DeclarationItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var people = await members.OfBoardAsync(item.BoardName, cancellationToken);
        return new DeclarationStatus(item, people, await register.ListForItemAsync(item, cancellationToken));
    }

    /// <summary>The quorum after recusals, or why it can't be worked out.</summary>
    public async Task<(QuorumCheck? Check, string? Problem)> QuorumAsync(DeclarationStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var board = status.Item.BoardName;
        var rule = (await library.GetAsync(cancellationToken)).Find(board)?.Quorum;
        if (rule is null)
        {
            return (null, $"The {board} Terms of Reference don't give a quorum rule I can apply, so I can't say whether the meeting is quorate.");
        }

        return status.Members.Count == 0
            ? (null, $"No members of the {board} are recorded, so I can't count the quorum. The secretariat can say \"import members\" in the board's conversation.")
            : (QuorumCheck.Apply(rule, status.Members.Count, status.Withdrawing.Count), null);
    }
}
