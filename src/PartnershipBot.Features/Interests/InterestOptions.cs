using Microsoft.Extensions.Options;

namespace PartnershipBot.Features.Interests;

/// <summary>
/// The standing register's reminders: a member is asked to review their declaration <c>Interests:ReviewMonths</c>
/// months (default 12) after they last saved it.
/// </summary>
public sealed class InterestOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Interests";

    /// <summary>The default review interval: a year, as UK public bodies' registers are reviewed.</summary>
    public const int DefaultReviewMonths = 12;

    /// <summary>The longest interval accepted: beyond three years a register is not being kept.</summary>
    public const int MostReviewMonths = 36;

    /// <summary>Months after a member's last save that they are asked to review it.</summary>
    public int ReviewMonths { get; set; } = DefaultReviewMonths;
}

/// <summary>Refuses, at start-up and naming the key, a review interval that would never or always remind.</summary>
public sealed class InterestOptionsValidator : IValidateOptions<InterestOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InterestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ReviewMonths is < 1 or > InterestOptions.MostReviewMonths
            ? ValidateOptionsResult.Fail($"{InterestOptions.SectionName}:ReviewMonths must be a number of months from 1 to {InterestOptions.MostReviewMonths}, not {options.ReviewMonths}.")
            : ValidateOptionsResult.Success;
    }
}
