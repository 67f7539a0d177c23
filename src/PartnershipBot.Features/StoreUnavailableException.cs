namespace PartnershipBot.Features;

/// <summary>
/// A port's store could not be reached or did not answer (a restart, a failover, a lost connection): worth retrying.
/// Adapters translate their provider's exceptions into this, so Features never depends on a database library's types.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the provider's own exception.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
