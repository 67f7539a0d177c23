using Microsoft.Extensions.Options;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// A negative lead would send the cards after the meeting, and a very long one before the agenda exists: both are
/// refused at start-up, naming the key (the board's too), rather than surfacing as cards that never made sense.
/// </summary>
public sealed class DeclarationOptionsValidator : IValidateOptions<DeclarationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DeclarationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check($"{DeclarationOptions.SectionName}:LeadWorkingDays", options.LeadWorkingDays, failures);
        foreach (var (board, settings) in options.Boards)
        {
            if (settings.LeadWorkingDays is { } days)
            {
                Check($"{DeclarationOptions.SectionName}:Boards:{board}:LeadWorkingDays", days, failures);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string key, int days, List<string> failures)
    {
        if (days is < 0 or > DeclarationOptions.MostLeadWorkingDays)
        {
            failures.Add($"{key} must be a number of UK working days from 0 to {DeclarationOptions.MostLeadWorkingDays}, not {days}.");
        }
    }
}
