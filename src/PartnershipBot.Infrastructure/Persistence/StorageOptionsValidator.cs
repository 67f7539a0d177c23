using Microsoft.Extensions.Options;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Refuses at start-up, naming the key, a provider that doesn't exist or one missing what it needs.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
