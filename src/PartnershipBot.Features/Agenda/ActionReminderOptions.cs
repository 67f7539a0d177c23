using Microsoft.Extensions.Options;

namespace PartnershipBot.Features.Agenda;

/// <summary>When an action's owner is reminded: <c>Actions:ReminderWorkingDays</c> UK working days before it is due (default 2).</summary>
public sealed class ActionReminderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actions";

    /// <summary>The default: two working days leaves time to do it or say why not.</summary>
    public const int DefaultReminderWorkingDays = 2;

    /// <summary>The longest lead accepted: six working weeks.</summary>
    public const int MostReminderWorkingDays = 30;

    /// <summary>UK working days before the due date that the owner's reminder arrives.</summary>
    public int ReminderWorkingDays { get; set; } = DefaultReminderWorkingDays;
}

/// <summary>A negative lead would remind after the due date: refused at start-up, naming the key.</summary>
public sealed class ActionReminderOptionsValidator : IValidateOptions<ActionReminderOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ActionReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ReminderWorkingDays is < 0 or > ActionReminderOptions.MostReminderWorkingDays
            ? ValidateOptionsResult.Fail($"{ActionReminderOptions.SectionName}:ReminderWorkingDays must be a number of UK working days from 0 to {ActionReminderOptions.MostReminderWorkingDays}, not {options.ReminderWorkingDays}.")
            : ValidateOptionsResult.Success;
    }
}
