namespace Store.Domain.Billing;

/// <summary>
/// A correction of an issued invoice: it credits some or all of its lines, is numbered in its own series
/// ("AV-2026-000001") and, like an invoice, never changes after issue.
/// </summary>
public sealed class CreditNote : IIssuedDocument
{
    public const string Series = "AV";

    private readonly List<CreditNoteLine> _lines = [];

    private CreditNote()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid InvoiceId { get; private set; }

    /// <summary>The number of the invoice it corrects, printed on it.</summary>
    public string InvoiceNumber { get; private set; } = string.Empty;

    public Guid CustomerId { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public Currency Currency { get; private set; }

    /// <summary>Positive amounts: what is owed back to the customer.</summary>
    public decimal TotalExcludingVat { get; private set; }

    public decimal TotalVat { get; private set; }

    public decimal TotalIncludingVat { get; private set; }

    public string BuyerSnapshot { get; private set; } = string.Empty;

    public string SellerSnapshot { get; private set; } = string.Empty;

    public IReadOnlyList<CreditNoteLine> Lines => _lines;

    /// <summary>
    /// Credits the given lines of <paramref name="invoice"/> in full (all of them when none is given), at the VAT of
    /// the invoice, with the invoice's frozen legal details.
    /// </summary>
    public static CreditNote For(Invoice invoice, string number, string reason, DateTimeOffset issuedAt, IReadOnlyCollection<int>? positions = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var credited = invoice.Lines.Where(l => positions is null || positions.Contains(l.Position)).ToList();
        if (credited.Count == 0)
        {
            throw new ArgumentException("A credit note credits at least one line of the invoice.", nameof(positions));
        }

        var note = new CreditNote
        {
            Id = Guid.CreateVersion7(issuedAt),
            Number = number,
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            CustomerId = invoice.CustomerId,
            IssuedAt = issuedAt,
            Reason = reason.Trim(),
            Currency = invoice.Currency,
            BuyerSnapshot = invoice.BuyerSnapshot,
            SellerSnapshot = invoice.SellerSnapshot,
        };
        foreach (var line in credited)
        {
            note._lines.Add(new CreditNoteLine(note.Id, line));
        }

        note.TotalExcludingVat = note._lines.Sum(l => l.Amount);
        note.TotalVat = note._lines.GroupBy(l => l.VatRate).Sum(g => Money.RoundCents(g.Sum(l => l.Amount) * g.Key));
        note.TotalIncludingVat = note.TotalExcludingVat + note.TotalVat;
        return note;
    }
}

/// <summary>A credited line: the invoice line it reverses, and the amount given back.</summary>
public sealed class CreditNoteLine : IIssuedDocument
{
    private CreditNoteLine()
    {
    }

    internal CreditNoteLine(Guid creditNoteId, InvoiceLine line)
    {
        Id = Guid.NewGuid();
        CreditNoteId = creditNoteId;
        InvoiceLinePosition = line.Position;
        Description = line.Description;
        Amount = line.Amount;
        VatRate = line.VatRate;
    }

    public Guid Id { get; private set; }

    public Guid CreditNoteId { get; private set; }

    public int InvoiceLinePosition { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public decimal VatRate { get; private set; }
}
