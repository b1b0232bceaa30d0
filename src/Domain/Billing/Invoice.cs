using Store.Domain.Catalog;

namespace Store.Domain.Billing;

/// <summary>
/// An issued invoice: numbered in its series without gaps, with the seller's and the customer's legal details
/// as they were on the day, its lines and totals. Nothing in it changes after issue; a correction is a
/// <see cref="CreditNote"/>. One periodic invoice per customer and month.
/// </summary>
public sealed class Invoice : IIssuedDocument
{
    public const string Series = "F";

    private readonly List<InvoiceLine> _lines = [];

    private Invoice()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>"F-2026-000042": series, year, and a sequence without gaps within them.</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid CustomerId { get; private set; }

    /// <summary>The month billed in advance, "2026-03"; usage is of the month before.</summary>
    public string Period { get; private set; } = string.Empty;

    public Guid? BillingRunId { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public Currency Currency { get; private set; }

    public decimal TotalExcludingVat { get; private set; }

    public decimal TotalVat { get; private set; }

    public decimal TotalIncludingVat { get; private set; }

    public VatRegime VatRegime { get; private set; }

    public string? VatMention { get; private set; }

    /// <summary>The customer's legal details as they were at issue (JSON of <see cref="LegalDetails"/>).</summary>
    public string BuyerSnapshot { get; private set; } = string.Empty;

    /// <summary>The seller's legal details at issue (JSON of <see cref="Billing.Seller"/>).</summary>
    public string SellerSnapshot { get; private set; } = string.Empty;

    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public LegalDetails Buyer => PartySnapshot.Read<LegalDetails>(BuyerSnapshot);

    public Seller Seller => PartySnapshot.Read<Seller>(SellerSnapshot);

    public Market Market => Buyer.Market;

    /// <summary>Issues a computed draft under <paramref name="number"/>, due <paramref name="paymentTermDays"/> days after issue.</summary>
    public static Invoice Issue(InvoiceDraft draft, string number, DateTimeOffset issuedAt, int paymentTermDays, Guid? billingRunId = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        if (draft.IsEmpty)
        {
            throw new InvalidOperationException("An invoice without lines is not issued.");
        }

        var issuedOn = DateOnly.FromDateTime(LocalTime.In(issuedAt, draft.Buyer.TimeZone).DateTime);
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(issuedAt),
            Number = number,
            CustomerId = draft.Buyer.CustomerId,
            Period = draft.Period.ToString(),
            BillingRunId = billingRunId,
            IssuedAt = issuedAt,
            IssuedOn = issuedOn,
            DueOn = issuedOn.AddDays(paymentTermDays),
            Currency = draft.Currency,
            TotalExcludingVat = draft.TotalExcludingVat,
            TotalVat = draft.TotalVat,
            TotalIncludingVat = draft.TotalIncludingVat,
            VatRegime = draft.Vat.Regime,
            VatMention = draft.Vat.Mention,
            BuyerSnapshot = PartySnapshot.Write(draft.Buyer),
            SellerSnapshot = PartySnapshot.Write(draft.Seller),
        };
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            invoice._lines.Add(new InvoiceLine(invoice.Id, i + 1, draft.Lines[i]));
        }

        return invoice;
    }

    /// <summary>VAT per rate, as the lines of the invoice give it.</summary>
    public IReadOnlyList<VatBreakdown> VatBreakdown() =>
        [.. _lines.GroupBy(l => l.VatRate).OrderByDescending(g => g.Key).Select(g => new VatBreakdown(g.Key, g.Sum(l => l.Amount), Money.RoundCents(g.Sum(l => l.Amount) * g.Key)))];
}
