using Microsoft.Extensions.Options;

namespace PartnershipBot.Features.Boards;

/// <summary>
/// Admins are matched against the activity's <c>from.aadObjectId</c>, a GUID: an e-mail address or display name
/// there would silently make nobody an admin, so anything but a GUID is refused at start-up, naming the key.
/// </summary>
public sealed class BoardAdminOptionsValidator : IValidateOptions<BoardAdminOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BoardAdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Admins
            .Select((admin, index) => (admin, index))
            .Where(entry => !Guid.TryParse(entry.admin, out _))
            .Select(entry => $"{BoardAdminOptions.SectionName}:Admins:{entry.index} must be an Entra object id (a GUID), not '{entry.admin}'.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
