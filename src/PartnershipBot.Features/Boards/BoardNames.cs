namespace PartnershipBot.Features.Boards;

/// <summary>What a board name someone typed resolves to.</summary>
/// <param name="Board">The one board meant, or null.</param>
/// <param name="Candidates">When no single board is meant: every board the name could be (empty when none).</param>
public sealed record BoardMatch(string? Board, IReadOnlyList<string> Candidates)
{
    /// <summary>True when exactly one board is meant.</summary>
    public bool Resolved => Board is not null;
}

/// <summary>
/// Resolves a board name typed by a person (chat or an admin verb) the same way everywhere: the full name or one of
/// the board's other names (its ToR title), else a unique prefix of one ("Thurrock" for "Thurrock Community Safety
/// Partnership Strategic Board"); a prefix of several boards is ambiguous and names them, so nothing silently
/// chooses, or finds nothing, for the person.
/// </summary>
public static class BoardNames
{
    /// <summary>Resolves <paramref name="typed"/> among <paramref name="boards"/> (each board's name, then its other names).</summary>
    public static BoardMatch Resolve(string typed, IEnumerable<(string Name, IEnumerable<string> Aliases)> boards)
    {
        ArgumentNullException.ThrowIfNull(boards);
        var query = Normalise(typed ?? string.Empty);
        var known = boards.Select(b => (b.Name, Forms: new[] { b.Name }.Concat(b.Aliases).Select(Normalise).Where(f => f.Length > 0).Distinct().ToList())).ToList();
        if (query.Length == 0)
        {
            return new BoardMatch(null, []);
        }

        var exact = known.Where(b => b.Forms.Contains(query)).Select(b => b.Name).Distinct().ToList();
        if (exact.Count == 1)
        {
            return new BoardMatch(exact[0], []);
        }

        var prefixed = exact.Count > 1 ? exact : known.Where(b => b.Forms.Any(f => f.StartsWith(query + " ", StringComparison.Ordinal))).Select(b => b.Name).Distinct().ToList();
        return prefixed.Count == 1 ? new BoardMatch(prefixed[0], []) : new BoardMatch(null, prefixed);
    }

    /// <summary>Lower case, words separated by single spaces, without a leading "the" or a trailing "board".</summary>
    private static string Normalise(string name)
    {
        var words = new string([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }
}
