namespace Store.Domain.Calls.Alerts;

/// <summary>
/// An e-mail alert a customer set: the daily figures, or a threshold on a day's calls, missed calls or revenue, for
/// the whole account or one number, mailed to some of the account's people. Told at most once a day (see <see cref="AlertNotice"/>).
/// </summary>
public sealed class FigureAlert
{
    private readonly List<AlertRecipient> _recipients = [];

    private FigureAlert()
    {
    }

    private FigureAlert(Guid customerId, AlertKind kind, Guid? numberId, decimal threshold, IEnumerable<Guid> recipients, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CustomerId = customerId;
        Kind = kind;
        NumberId = numberId;
        Threshold = threshold;
        CreatedAt = now;
        _recipients.AddRange(recipients.Distinct().Select(u => new AlertRecipient(Id, u)));
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public AlertKind Kind { get; private set; }

    /// <summary>The number watched; null for the whole account.</summary>
    public Guid? NumberId { get; private set; }

    /// <summary>Calls for the call thresholds, an amount in the account's currency for the revenue ones; 0 for the daily figures.</summary>
    public decimal Threshold { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<AlertRecipient> Recipients => _recipients;

    public bool IsThreshold => Kind != AlertKind.DailyFigures;

    /// <summary>Mails the alert to these people of the account from now on; the problems when there is nobody or a stranger.</summary>
    public IReadOnlyList<Problem> ChangeRecipients(IReadOnlyCollection<Guid> recipients, IReadOnlySet<Guid> people)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(people);
        var problems = RecipientProblems(recipients, people);
        if (problems.Count == 0)
        {
            _recipients.RemoveAll(r => !recipients.Contains(r.UserId));
            _recipients.AddRange(recipients.Distinct().Where(u => _recipients.All(r => r.UserId != u)).Select(u => new AlertRecipient(Id, u)).ToList());
        }

        return problems;
    }

    /// <summary>
    /// A new alert, or the problems that keep it from being one: a threshold that is negative or not a whole number of
    /// calls, or nobody to mail. <paramref name="people"/> are the account's people: recipients must be among them.
    /// </summary>
    public static Outcome<FigureAlert> Create(Guid customerId, AlertKind kind, Guid? numberId, decimal threshold, IReadOnlyCollection<Guid> recipients, IReadOnlySet<Guid> people, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(people);
        var problems = new List<Problem>();
        if (!Enum.IsDefined(kind))
        {
            problems.Add(new Problem("kind", "Choose what the alert watches.", "ALERT_KIND"));
        }

        if (kind == AlertKind.DailyFigures)
        {
            threshold = 0m;
        }
        else if (threshold < 0m || threshold > 1_000_000_000m)
        {
            problems.Add(new Problem("threshold", "The threshold must be zero or more.", "ALERT_THRESHOLD"));
        }
        else if (kind is AlertKind.CallsAbove or AlertKind.MissedCallsAbove && decimal.Truncate(threshold) != threshold)
        {
            problems.Add(new Problem("threshold", "A number of calls is a whole number.", "ALERT_THRESHOLD_CALLS"));
        }
        else if (decimal.Round(threshold, 2) != threshold)
        {
            problems.Add(new Problem("threshold", "An amount has at most two decimals.", "ALERT_THRESHOLD_AMOUNT"));
        }

        problems.AddRange(RecipientProblems(recipients, people));
        return problems.Count > 0 ? Outcome<FigureAlert>.Failure(problems) : Outcome<FigureAlert>.Success(new FigureAlert(customerId, kind, numberId, threshold, recipients, now));
    }

    private static List<Problem> RecipientProblems(IReadOnlyCollection<Guid> recipients, IReadOnlySet<Guid> people) =>
        recipients.Count == 0 ? [new Problem("recipients", "Choose at least one person to mail.", "ALERT_NO_RECIPIENT")]
        : recipients.Any(r => !people.Contains(r)) ? [new Problem("recipients", "Alerts go only to the account's people.", "ALERT_STRANGER")]
        : [];
}

/// <summary>A person of the account who receives an alert, in their own language.</summary>
public sealed class AlertRecipient
{
    private AlertRecipient()
    {
    }

    internal AlertRecipient(Guid alertId, Guid userId)
    {
        AlertId = alertId;
        UserId = userId;
    }

    public Guid AlertId { get; private set; }

    public Guid UserId { get; private set; }
}

/// <summary>
/// That an alert was mailed for a day: the natural key (alert, day) is unique, and saved in the same transaction as the
/// mails, so a job run again, or two jobs processes at once, never mail the same alert twice for a day.
/// </summary>
public sealed class AlertNotice
{
    private AlertNotice()
    {
    }

    public AlertNotice(Guid alertId, DateOnly day, string figures, DateTimeOffset now)
    {
        AlertId = alertId;
        Day = day;
        Figures = figures;
        NoticedAt = now;
    }

    public Guid AlertId { get; private set; }

    /// <summary>The day the figures are of (in the customer's zone).</summary>
    public DateOnly Day { get; private set; }

    /// <summary>What was told, in short ("calls=120"), for support.</summary>
    public string Figures { get; private set; } = string.Empty;

    public DateTimeOffset NoticedAt { get; private set; }
}
