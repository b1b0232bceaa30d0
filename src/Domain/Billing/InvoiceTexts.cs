namespace Store.Domain.Billing;

/// <summary>The words of an invoice document and its mail, in French and English.</summary>
internal sealed record InvoiceTexts(
    string Invoice,
    string CreditNote,
    string Number,
    string IssuedOn,
    string Period,
    string DueOn,
    string Customer,
    string CompanyNumber,
    string VatNumber,
    string Description,
    string Service,
    string Quantity,
    string UnitPrice,
    string Amount,
    string TotalExcludingVat,
    string Vat,
    string TotalIncludingVat,
    string PaymentBy,
    string PaymentReference,
    string LatePayment,
    string NoDiscount,
    string Page,
    string MailSubject,
    string MailBody,
    string CreditNoteFor,
    string CreditNoteReason)
{
    public static readonly InvoiceTexts French = new(
        "FACTURE", "AVOIR", "N°", "Date d'émission", "Période", "Date d'échéance", "Client", "SIREN", "N° TVA intracommunautaire",
        "Désignation", "Période de service", "Qté", "Prix unitaire HT", "Montant HT", "Total HT", "TVA", "Total TTC",
        "Paiement par virement", "Référence à indiquer",
        "En cas de retard de paiement, des pénalités au taux de trois fois le taux d'intérêt légal sont exigibles (art. L441-10 du Code de commerce), ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 EUR (art. D441-5).",
        "Pas d'escompte pour paiement anticipé.",
        "Page",
        "Votre facture {0}",
        "Bonjour,\n\nVeuillez trouver ci-joint votre facture {0} du {1} pour la période {2}.\nMontant TTC : {3}, à régler avant le {4}.\nPar virement sur l'IBAN {7} avec la référence {6}.\n\nMerci de votre confiance.\n{5}",
        "Avoir sur la facture",
        "Motif");

    public static readonly InvoiceTexts English = new(
        "INVOICE", "CREDIT NOTE", "No.", "Issue date", "Period", "Due date", "Customer", "Company number", "VAT number",
        "Description", "Service period", "Qty", "Unit price excl. VAT", "Amount excl. VAT", "Total excl. VAT", "VAT", "Total incl. VAT",
        "Payment by bank transfer", "Reference to quote",
        "Late payment incurs penalties at three times the French statutory interest rate (art. L441-10 Code de commerce) and a fixed recovery indemnity of EUR 40 (art. D441-5).",
        "No discount for early payment.",
        "Page",
        "Your invoice {0}",
        "Hello,\n\nPlease find attached your invoice {0} of {1} for {2}.\nAmount including VAT: {3}, due by {4}.\nBy bank transfer to IBAN {7} quoting the reference {6}.\n\nThank you for your business.\n{5}",
        "Credit note on invoice",
        "Reason");

    public static InvoiceTexts In(string language) => language == "en" ? English : French;
}
