namespace Store.Domain.Calls.Alerts;

/// <summary>What an e-mail alert (001, "Alertes E-mail") watches.</summary>
public enum AlertKind
{
    /// <summary>Every morning, yesterday's calls, minutes and revenue.</summary>
    DailyFigures,

    /// <summary>More calls in a day than the threshold.</summary>
    CallsAbove,

    /// <summary>More missed (unanswered) calls in a day than the threshold.</summary>
    MissedCallsAbove,

    /// <summary>The holder's share of a day above the threshold (premium Smart Numbers).</summary>
    RevenueAbove,

    /// <summary>The holder's share of a whole day below the threshold (premium Smart Numbers), told the next morning.</summary>
    RevenueBelow,
}
