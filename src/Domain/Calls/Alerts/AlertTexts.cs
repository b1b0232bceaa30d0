namespace Store.Domain.Calls.Alerts;

/// <summary>The words of the alert mails, in French or English.</summary>
public sealed record AlertTexts(
    string Culture,
    string DailySubject,
    string DailyIntro,
    string ThresholdSubject,
    string ThresholdIntro,
    string Calls,
    string Minutes,
    string Share,
    string CallerRevenue,
    string ByNumber,
    string NumberLine,
    string AllNumbers,
    string CallsAbove,
    string MissedCallsAbove,
    string RevenueAbove,
    string RevenueBelow,
    string Footer)
{
    public static readonly AlertTexts French = new(
        "fr-FR",
        "Vos chiffres du {0} — {1}",
        "Bonjour,\n\nVoici les chiffres de {0} pour le {1} :",
        "Alerte : {0} le {1} — {2}",
        "Bonjour,\n\nLe seuil que vous avez fixé est franchi le {0} ({1}) :",
        "Appels : {0} (dont {1} non répondus)",
        "Minutes : {0}",
        "Votre part (reversée, HT) : {0}",
        "Payé par les appelants (HT) : {0}",
        "Par numéro :",
        "{0} : {1} appels, {2} non répondus, {3} min",
        "tous vos numéros",
        "plus de {0} appels",
        "plus de {0} appels non répondus",
        "chiffre d'affaires (votre part) au-dessus de {0}",
        "chiffre d'affaires (votre part) en dessous de {0}",
        "Vous recevez ce message parce qu'une alerte e-mail de votre espace client Store vous désigne. Modifiez vos alertes dans Mon espace client > Alertes e-mail.");

    public static readonly AlertTexts English = new(
        "en-GB",
        "Your figures for {0} — {1}",
        "Hello,\n\nHere are {0}'s figures for {1}:",
        "Alert: {0} on {1} — {2}",
        "Hello,\n\nThe threshold you set was crossed on {0} ({1}):",
        "Calls: {0} ({1} missed)",
        "Minutes: {0}",
        "Your share (paid out, excl. VAT): {0}",
        "Paid by callers (excl. VAT): {0}",
        "By number:",
        "{0}: {1} calls, {2} missed, {3} min",
        "all your numbers",
        "more than {0} calls",
        "more than {0} missed calls",
        "revenue (your share) above {0}",
        "revenue (your share) below {0}",
        "You receive this message because an e-mail alert of your Store customer area names you. Change your alerts in My customer area > E-mail alerts.");

    public static AlertTexts In(string? language) => language == "en" ? English : French;
}
