namespace Store.Domain;

/// <summary>Days and times as a French or Swiss customer reads them: in Europe/Paris or Europe/Zurich.</summary>
public static class LocalTime
{
    public const string Paris = "Europe/Paris";

    /// <summary>Today's date in <paramref name="timeZone"/> (an IANA name such as Europe/Zurich).</summary>
    public static DateOnly Today(TimeProvider clock, string timeZone = Paris)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(In(clock.GetUtcNow(), timeZone).DateTime);
    }

    /// <summary>An instant as the clock on the wall shows it in <paramref name="timeZone"/>.</summary>
    public static DateTimeOffset In(DateTimeOffset instant, string timeZone = Paris) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
}
