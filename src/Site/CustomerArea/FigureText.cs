using System.Globalization;

namespace Store.Site.CustomerArea;

/// <summary>How figures read on the customer area's pages and in the CSV exports.</summary>
public static class FigureText
{
    /// <summary>Minutes talked, to the tenth: "12,5" in French.</summary>
    public static string Minutes(long seconds) => (seconds / 60m).ToString("N1", CultureInfo.CurrentCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.CurrentCulture);
}
