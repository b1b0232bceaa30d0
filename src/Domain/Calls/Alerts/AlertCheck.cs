using System.Globalization;
using Store.Domain.Calls.Figures;

namespace Store.Domain.Calls.Alerts;

/// <summary>An alert to tell for a day: the figures of that day (of its number, or of the whole account).</summary>
public sealed record DueAlert(FigureAlert Alert, DateOnly Day, DayFigures Figures)
{
    /// <summary>What is kept with the notice, in short.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"calls={Figures.Calls};missed={Figures.Missed};seconds={Figures.Seconds};share={Figures.HolderShare:0.####}");
}

/// <summary>
/// Which alerts are due, a pure function of the alerts, the days' figures, the local time and what was already told.
/// The daily figures and "revenue below" speak of a whole day: yesterday's, once the morning hour has come (late call
/// records have arrived by then). The other thresholds are told as soon as today's figures cross them, or yesterday's
/// if the crossing came after the last check of the day.
/// </summary>
public static class AlertCheck
{
    public static IReadOnlyList<DueAlert> Due(
        IEnumerable<FigureAlert> alerts,
        Func<Guid?, DateOnly, DayFigures> figures,
        DateTimeOffset localNow,
        TimeSpan morning,
        IReadOnlySet<(Guid AlertId, DateOnly Day)> told)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(told);
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var yesterday = today.AddDays(-1);
        var afterMorning = localNow.TimeOfDay >= morning;
        var due = new List<DueAlert>();
        foreach (var alert in alerts)
        {
            DateOnly[] days = alert.Kind is AlertKind.DailyFigures or AlertKind.RevenueBelow
                ? afterMorning ? [yesterday] : []
                : [yesterday, today];
            foreach (var day in days)
            {
                if (told.Contains((alert.Id, day)))
                {
                    continue;
                }

                var dayFigures = figures(alert.NumberId, day);
                if (Crossed(alert, dayFigures))
                {
                    due.Add(new DueAlert(alert, day, dayFigures));
                }
            }
        }

        return due;
    }

    public static bool Crossed(FigureAlert alert, DayFigures figures)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(figures);
        return alert.Kind switch
        {
            AlertKind.DailyFigures => true,
            AlertKind.CallsAbove => figures.Calls > alert.Threshold,
            AlertKind.MissedCallsAbove => figures.Missed > alert.Threshold,
            AlertKind.RevenueAbove => Money.RoundCents(figures.HolderShare) > alert.Threshold,
            AlertKind.RevenueBelow => Money.RoundCents(figures.HolderShare) < alert.Threshold,
            _ => false,
        };
    }
}
