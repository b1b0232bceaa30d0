namespace Store.Domain.Payments;

public enum DunningStep
{
    FirstReminder,
    SecondReminder,
    Suspension,
}

/// <summary>
/// When an unpaid invoice is chased: a first reminder 7 days after its due date, a second one (announcing the
/// suspension) at 15 days, and the customer's outgoing calls suspended at 30 days. Each step happens once; a
/// step whose day has passed unnoticed (the job did not run) is not sent late if a later one is due.
/// </summary>
public static class DunningSchedule
{
    public const int FirstReminderDays = 7;
    public const int SecondReminderDays = 15;
    public const int SuspensionDays = 30;

    /// <summary>The reminder to send for <paramref name="receivable"/> on <paramref name="today"/>, if any.</summary>
    public static DunningStep? ReminderDue(Receivable receivable, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(receivable);
        if (receivable.SettledOn is not null)
        {
            return null;
        }

        var late = receivable.DaysOverdue(today);
        if (late >= SecondReminderDays && receivable.SecondReminderAt is null)
        {
            return DunningStep.SecondReminder;
        }

        return late >= FirstReminderDays && receivable.FirstReminderAt is null && receivable.SecondReminderAt is null
            ? DunningStep.FirstReminder
            : null;
    }

    /// <summary>Whether an unpaid invoice is late enough for the customer's outgoing calls to be suspended.</summary>
    public static bool Suspends(Receivable receivable, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(receivable);
        return receivable.SettledOn is null && receivable.DaysOverdue(today) >= SuspensionDays;
    }

    /// <summary>The day the customer's calls are suspended if the invoice is still unpaid.</summary>
    public static DateOnly SuspensionOn(DateOnly dueOn) => dueOn.AddDays(SuspensionDays);
}
