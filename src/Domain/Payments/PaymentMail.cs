using System.Globalization;
using System.Net;
using Store.Domain.Billing;
using Store.Domain.Mail;

namespace Store.Domain.Payments;

/// <summary>The mails of collection — reminders, suspension, reinstatement — in French and English, through the outbox.</summary>
public static class PaymentMail
{
    public const string FirstReminderKind = "payment-reminder-1";
    public const string SecondReminderKind = "payment-reminder-2";
    public const string SuspensionKind = "calls-suspended";
    public const string ReinstatementKind = "calls-reinstated";
    public const string ChargeFailedKind = "payment-failed";

    private sealed record Texts(string Subject, string Body);

    // {0} invoice number, {1} amount still due, {2} due date, {3} reference, {4} IBAN, {5} BIC, {6} seller, {7} suspension date
    private static readonly Dictionary<(string Kind, string Language), Texts> All = new()
    {
        [(FirstReminderKind, "fr")] = new(
            "Rappel : facture {0} impayée",
            "Bonjour,\n\nSauf erreur de notre part, la facture {0} arrivée à échéance le {2} n'est pas réglée. Reste dû : {1}.\nMerci de régler ce montant par virement sur l'IBAN {4} (BIC {5}) en indiquant la référence {3}.\n\nSi vous avez déjà payé, merci de ne pas tenir compte de ce message.\n{6}"),
        [(FirstReminderKind, "en")] = new(
            "Reminder: invoice {0} unpaid",
            "Hello,\n\nUnless we are mistaken, invoice {0}, due on {2}, has not been paid. Amount still due: {1}.\nPlease pay it by bank transfer to IBAN {4} (BIC {5}) quoting the reference {3}.\n\nIf you have already paid, please disregard this message.\n{6}"),
        [(SecondReminderKind, "fr")] = new(
            "Second rappel : facture {0} impayée",
            "Bonjour,\n\nLa facture {0}, échue le {2}, reste impayée malgré notre premier rappel. Reste dû : {1}.\nSans règlement de votre part, les appels sortants de vos lignes seront suspendus le {7}.\nVirement sur l'IBAN {4} (BIC {5}), référence {3}.\n\n{6}"),
        [(SecondReminderKind, "en")] = new(
            "Second reminder: invoice {0} unpaid",
            "Hello,\n\nInvoice {0}, due on {2}, is still unpaid after our first reminder. Amount still due: {1}.\nWithout payment, outgoing calls from your lines will be suspended on {7}.\nBank transfer to IBAN {4} (BIC {5}), reference {3}.\n\n{6}"),
        [(SuspensionKind, "fr")] = new(
            "Appels sortants suspendus : facture {0} impayée",
            "Bonjour,\n\nLa facture {0}, échue le {2}, n'étant toujours pas réglée, les appels sortants de vos lignes sont suspendus. Les appels entrants et les numéros d'urgence restent disponibles.\nReste dû : {1}. Dès réception de votre virement (IBAN {4}, BIC {5}, référence {3}), le service sera rétabli.\n\n{6}"),
        [(SuspensionKind, "en")] = new(
            "Outgoing calls suspended: invoice {0} unpaid",
            "Hello,\n\nAs invoice {0}, due on {2}, is still unpaid, outgoing calls from your lines are suspended. Incoming calls and emergency numbers remain available.\nAmount still due: {1}. Service is restored as soon as your transfer is received (IBAN {4}, BIC {5}, reference {3}).\n\n{6}"),
        [(ChargeFailedKind, "fr")] = new(
            "Paiement refusé : facture {0}",
            "Bonjour,\n\nLe paiement de la facture {0} ({1}) par votre moyen de paiement enregistré a été refusé.\nVous pouvez la régler depuis votre espace client (page Factures, « Payer ») ou par virement sur l'IBAN {4} (BIC {5}) avec la référence {3}, avant le {2}.\n\n{6}"),
        [(ChargeFailedKind, "en")] = new(
            "Payment declined: invoice {0}",
            "Hello,\n\nThe payment of invoice {0} ({1}) with your saved payment method was declined.\nYou can pay it from your customer area (Invoices page, \"Pay\") or by bank transfer to IBAN {4} (BIC {5}) quoting the reference {3}, before {2}.\n\n{6}"),
        [(ReinstatementKind, "fr")] = new(
            "Appels sortants rétablis",
            "Bonjour,\n\nNous avons bien reçu votre règlement de la facture {0}. Les appels sortants de vos lignes sont rétablis.\n\nMerci.\n{6}"),
        [(ReinstatementKind, "en")] = new(
            "Outgoing calls restored",
            "Hello,\n\nWe have received your payment of invoice {0}. Outgoing calls from your lines are restored.\n\nThank you.\n{6}"),
    };

    /// <summary>Queues the mail of <paramref name="kind"/> about <paramref name="receivable"/> to the customer's billing address.</summary>
    public static OutboxMail Enqueue(MailOutbox outbox, string kind, Receivable receivable, LegalDetails customer, Seller seller)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(receivable);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(seller);
        var language = customer.Language == "en" ? "en" : "fr";
        var texts = All[(kind, language)];
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");
        object[] values =
        [
            receivable.InvoiceNumber,
            receivable.OutstandingMoney.Format(culture),
            receivable.DueOn.ToString("d", culture),
            CreditorReference.Display(receivable.Reference),
            seller.Iban,
            seller.Bic,
            seller.LegalName,
            DunningSchedule.SuspensionOn(receivable.DueOn).ToString("d", culture),
        ];
        var subject = string.Format(culture, texts.Subject, values);
        var text = string.Format(culture, texts.Body, values);
        var html = "<p>" + string.Join("</p><p>", text.Split("\n\n").Select(p => WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal))) + "</p>";
        return outbox.Enqueue(customer.Email, subject, text, html, kind);
    }
}
