using Microsoft.Extensions.Options;

namespace PartnershipBot.Features.Reminders;

/// <summary>
/// A poll interval of zero, below or beyond what the dispatch loop's timer takes makes it throw once the host is running (and a day between passes is no reminder service), and a zero
/// lease lets a second instance take a batch still being sent: both are refused at start-up, naming the key.
/// </summary>
public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"{ReminderOptions.SectionName}:PollInterval must be longer than zero and at most a day (e.g. 00:00:30), not {options.PollInterval}.");
        }

        if (options.ClaimLease <= TimeSpan.Zero)
        {
            failures.Add($"{ReminderOptions.SectionName}:ClaimLease must be longer than zero (e.g. 00:05:00), not {options.ClaimLease}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
