using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Payments;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.BackOffice;

/// <summary>One invoice: its lines, PDF, what was paid and credited; record a payment, issue a credit note.</summary>
[Authorize(Policy = BackOfficePolicy.Name)]
public sealed class InvoiceModel(StoreDb db, PaymentBook book, Store.Domain.Mail.MailOutbox outbox, TimeProvider clock) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;

    public string Customer { get; private set; } = string.Empty;

    public Receivable? Receivable { get; private set; }

    public ReceivableStatus Status { get; private set; }

    public IReadOnlyList<Payment> Payments { get; private set; } = [];

    public IReadOnlyList<CreditNote> CreditNotes { get; private set; } = [];

    /// <summary>Positions of the lines already credited: they cannot be credited again.</summary>
    public IReadOnlySet<int> Credited { get; private set; } = new HashSet<int>();

    /// <summary>A key drawn when the form is shown, so that a payment form posted twice records one payment.</summary>
    public string PaymentKey { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(Guid id)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id);
        return invoice is null ? NotFound() : File(InvoicePdf.Render(invoice), "application/pdf", $"{invoice.Number}.pdf");
    }

    public async Task<IActionResult> OnGetCreditNotePdfAsync(Guid id, Guid creditNoteId)
    {
        var note = await db.CreditNotes.AsNoTracking().Include(n => n.Lines).SingleOrDefaultAsync(n => n.Id == creditNoteId && n.InvoiceId == id);
        return note is null ? NotFound() : File(InvoicePdf.Render(note), "application/pdf", $"{note.Number}.pdf");
    }

    public async Task<IActionResult> OnPostPaymentAsync(Guid id, string? amount, DateOnly? receivedOn, PaymentMethod method, string? reference, string? paymentKey, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!decimal.TryParse(amount?.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0m || decimal.Round(value, 2) != value)
        {
            Error = "backOffice.payment.badAmount";
            return Page();
        }

        if (receivedOn is null || string.IsNullOrWhiteSpace(paymentKey))
        {
            Error = "backOffice.payment.badDate";
            return Page();
        }

        var outcome = await book.RecordAsync(id, new Money(value, Invoice.Currency), receivedOn.Value, method, string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(), "backoffice:" + paymentKey, User.Identity?.Name, cancellationToken);
        if (outcome is PaymentOutcome.Recorded or PaymentOutcome.AlreadyRecorded)
        {
            Done = "backOffice.payment.recorded";
            return RedirectToPage(new { id });
        }

        Error = "backOffice.payment." + outcome;
        return Page();
    }

    public async Task<IActionResult> OnPostCreditNoteAsync(Guid id, string? reason, int[]? positions, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var chosen = (positions ?? []).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(reason))
        {
            Error = "backOffice.creditNote.reasonRequired";
            return Page();
        }

        if (chosen.Count == 0 || chosen.Any(p => Credited.Contains(p) || Invoice.Lines.All(l => l.Position != p)))
        {
            Error = "backOffice.creditNote.badLines";
            return Page();
        }

        var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == id, cancellationToken);
        var note = await DocumentIssuing.IssueCreditNoteAsync(db, invoice, reason, clock.GetUtcNow(), chosen, (issued, refunded) => CreditNoteMail.Enqueue(outbox, issued, invoice, refunded), cancellationToken);
        Done = "backOffice.creditNote.issued";
        TempData["CreditNote"] = note.Number;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id);
        if (invoice is null)
        {
            return false;
        }

        Invoice = invoice;
        Customer = await db.Customers.AsNoTracking().Where(c => c.Id == invoice.CustomerId).Select(c => c.LegalName).SingleOrDefaultAsync() ?? "?";
        Receivable = await db.Receivables.AsNoTracking().SingleOrDefaultAsync(r => r.InvoiceId == id);
        Status = Receivable?.StatusOn(LocalTime.Today(clock, invoice.Buyer.TimeZone)) ?? ReceivableStatus.Open;
        Payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == id).OrderBy(p => p.ReceivedOn).ToListAsync();
        CreditNotes = await db.CreditNotes.AsNoTracking().Include(n => n.Lines).Where(n => n.InvoiceId == id).OrderBy(n => n.IssuedAt).ToListAsync();
        Credited = CreditNotes.SelectMany(n => n.Lines).Select(l => l.InvoiceLinePosition).ToHashSet();
        PaymentKey = Guid.NewGuid().ToString("N");
        return true;
    }
}
