using System.Globalization;
using System.Net;
using System.Text;
using Store.Domain.Calls.Figures;
using Store.Domain.Mail;

namespace Store.Domain.Calls.Alerts;

/// <summary>A person an alert mails, and the language they read.</summary>
public sealed record AlertReader(string Email, string Language);

/// <summary>What an alert mail speaks of: the account, its currency, the day's figures in all and by number.</summary>
public sealed record AlertContext(string AccountName, Currency Currency, IReadOnlyDictionary<Guid, string> Numbers, IReadOnlyList<(Guid NumberId, DayFigures Figures)> ByNumber);

/// <summary>The mails of an alert due for a day, one per reader, in the reader's language.</summary>
public static class AlertMail
{
    public const string DailyKind = "daily-figures";

    public const string ThresholdKind = "figure-alert";

    public static void Enqueue(MailOutbox outbox, DueAlert due, AlertContext context, IEnumerable<AlertReader> readers)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(readers);
        foreach (var reader in readers)
        {
            var (subject, text) = Compose(due, context, AlertTexts.In(reader.Language));
            var html = "<p>" + string.Join("</p><p>", text.Split("\n\n").Select(p => WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal))) + "</p>";
            outbox.Enqueue(reader.Email, subject, text, html, due.Alert.Kind == AlertKind.DailyFigures ? DailyKind : ThresholdKind);
        }
    }

    public static (string Subject, string Text) Compose(DueAlert due, AlertContext context, AlertTexts texts)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(texts);
        var culture = CultureInfo.GetCultureInfo(texts.Culture);
        var day = due.Day.ToString("d", culture);
        string Amount(decimal amount) => new Money(Money.RoundCents(amount), context.Currency).Format(culture);
        var figures = due.Figures;
        var body = new StringBuilder();
        string subject;
        if (due.Alert.Kind == AlertKind.DailyFigures)
        {
            subject = string.Format(culture, texts.DailySubject, day, context.AccountName);
            body.Append(string.Format(culture, texts.DailyIntro, context.AccountName, day));
        }
        else
        {
            var what = Threshold(due.Alert, texts, culture, context.Currency);
            var scope = due.Alert.NumberId is { } id ? context.Numbers.GetValueOrDefault(id, "?") : texts.AllNumbers;
            subject = string.Format(culture, texts.ThresholdSubject, what, day, context.AccountName);
            body.Append(string.Format(culture, texts.ThresholdIntro, day, scope)).Append("\n- ").Append(what);
        }

        body.Append("\n- ").Append(string.Format(culture, texts.Calls, figures.Calls, figures.Missed));
        body.Append("\n- ").Append(string.Format(culture, texts.Minutes, figures.Minutes.ToString("N1", culture)));
        var premium = context.ByNumber.Any(n => n.Figures.CallerRevenue != 0m || n.Figures.HolderShare != 0m) || due.Alert.Kind is AlertKind.RevenueAbove or AlertKind.RevenueBelow;
        if (premium)
        {
            body.Append("\n- ").Append(string.Format(culture, texts.Share, Amount(figures.HolderShare)));
            body.Append("\n- ").Append(string.Format(culture, texts.CallerRevenue, Amount(figures.CallerRevenue)));
        }

        if (due.Alert.Kind == AlertKind.DailyFigures && context.ByNumber.Count > 0)
        {
            body.Append("\n\n").Append(texts.ByNumber);
            foreach (var (numberId, n) in context.ByNumber.OrderBy(n => context.Numbers.GetValueOrDefault(n.NumberId, string.Empty), StringComparer.Ordinal))
            {
                body.Append("\n- ").Append(string.Format(culture, texts.NumberLine, context.Numbers.GetValueOrDefault(numberId, "?"), n.Calls, n.Missed, n.Minutes.ToString("N1", culture)));
                if (premium)
                {
                    body.Append(", ").Append(Amount(n.HolderShare));
                }
            }
        }

        body.Append("\n\n").Append(texts.Footer);
        return (subject, body.ToString());
    }

    /// <summary>The threshold in words: "plus de 100 appels", "revenue (your share) below EUR 50.00".</summary>
    public static string Threshold(FigureAlert alert, AlertTexts texts, CultureInfo culture, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(texts);
        var amount = new Money(alert.Threshold, currency).Format(culture);
        var count = alert.Threshold.ToString("N0", culture);
        return alert.Kind switch
        {
            AlertKind.CallsAbove => string.Format(culture, texts.CallsAbove, count),
            AlertKind.MissedCallsAbove => string.Format(culture, texts.MissedCallsAbove, count),
            AlertKind.RevenueAbove => string.Format(culture, texts.RevenueAbove, amount),
            AlertKind.RevenueBelow => string.Format(culture, texts.RevenueBelow, amount),
            _ => string.Empty,
        };
    }
}
