namespace PartnershipBot.Features.Calendar;

/// <summary>The GOV.UK bank-holiday divisions; a board's nation decides which holidays close its offices.</summary>
public enum UkNation
{
    /// <summary>england-and-wales (the default).</summary>
    EnglandAndWales,
    /// <summary>scotland.</summary>
    Scotland,
    /// <summary>northern-ireland.</summary>
    NorthernIreland,
}

/// <summary>Names of the divisions as GOV.UK writes them.</summary>
public static class UkNations
{
    /// <summary>The GOV.UK division name, e.g. "england-and-wales".</summary>
    public static string Division(this UkNation nation) => nation switch
    {
        UkNation.Scotland => "scotland",
        UkNation.NorthernIreland => "northern-ireland",
        _ => "england-and-wales",
    };

    /// <summary>Parses a division name; null when it is not one.</summary>
    public static UkNation? Parse(string? division) => division?.Trim().ToLowerInvariant() switch
    {
        "england-and-wales" or "england" or "wales" => UkNation.EnglandAndWales,
        "scotland" => UkNation.Scotland,
        "northern-ireland" => UkNation.NorthernIreland,
        _ => null,
    };
}
