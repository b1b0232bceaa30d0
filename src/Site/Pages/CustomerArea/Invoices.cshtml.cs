using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain.Billing;
using Store.Domain.Billing.Statements;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Payments;
using Store.Domain.Persistence;
using Store.Domain.Tenancy;
using Store.Site.CustomerArea;
using Store.Site.Identity;
using Store.Site.Localization;
using Store.Site.Payments;

namespace Store.Site.Pages.CustomerArea;

/// <summary>
/// The account's invoices and credit notes, each with its PDF; what is still due and the reference to quote with a
/// transfer. When Stripe is configured: the payment method (a card or SEPA mandate saved through Checkout), and an
/// open invoice paid through Checkout.
/// </summary>
public sealed class InvoicesModel(StoreDb db, AccountAccess access, TenantScope tenant, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts, StripeCheckout stripe)
    : CustomerAreaPage(access, tenant, catalogs, clock, texts)
{
    public sealed record InvoiceRow(Invoice Invoice, Receivable? Receivable, ReceivableStatus Status);

    public IReadOnlyList<InvoiceRow> Invoices { get; private set; } = [];

    public IReadOnlyList<CreditNote> CreditNotes { get; private set; } = [];

    public Store.Domain.Billing.Seller? PayTo { get; private set; }

    /// <summary>The Smart Number monthly statements of the account, when it holds premium numbers.</summary>
    public IReadOnlyList<Statement> Statements { get; private set; } = [];

    public bool PaysThroughStripe => stripe.Configured;

    /// <summary>Whether the person may change how the account pays and pay its invoices (its owner and billing people).</summary>
    public bool MayPay => stripe.Configured && Account.Role is MemberRole.Owner or MemberRole.Billing;

    /// <summary>How the account pays now: bank transfer, or its saved card or SEPA mandate.</summary>
    public PaymentMethod PaysBy { get; private set; } = PaymentMethod.BankTransfer;

    /// <summary>The key of the message about the last trip to Stripe Checkout, if any.</summary>
    public string? PaymentNotice { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = StripeCheckout.SessionParameter)] string? sessionId, string? notice, CancellationToken cancellationToken)
    {
        if (!await EnterAsync())
        {
            return NoAccount();
        }

        if (stripe.Configured && !string.IsNullOrWhiteSpace(sessionId))
        {
            try
            {
                PaymentNotice = await stripe.ConfirmAsync(sessionId, Account.Id, cancellationToken) ? "invoices.stripe.confirmed" : "invoices.stripe.notConfirmed";
            }
            catch (Stripe.StripeException)
            {
                PaymentNotice = "invoices.stripe.unreachable";
            }
        }
        else if (notice is "unreachable" or "nothingToPay")
        {
            PaymentNotice = "invoices.stripe." + notice;
        }

        PaysBy = await db.Customers.AsNoTracking().Where(c => c.Id == Account.Id).Select(c => c.PaysBy).SingleAsync(cancellationToken);

        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CustomerId == Account.Id).OrderByDescending(i => i.IssuedAt).Take(240).ToListAsync(cancellationToken);
        var ids = invoices.Select(i => i.Id).ToList();
        var receivables = await db.Receivables.AsNoTracking().Where(r => ids.Contains(r.InvoiceId)).ToDictionaryAsync(r => r.InvoiceId, cancellationToken);
        var today = Today;
        Invoices = [.. invoices.Select(i => receivables.TryGetValue(i.Id, out var r)
            ? new InvoiceRow(i, r, r.StatusOn(today))
            : new InvoiceRow(i, null, ReceivableStatus.Open))];
        CreditNotes = await db.CreditNotes.AsNoTracking().Where(n => n.CustomerId == Account.Id).OrderByDescending(n => n.IssuedAt).Take(240).ToListAsync(cancellationToken);
        PayTo = invoices.FirstOrDefault()?.Seller;
        Statements = await db.Statements.AsNoTracking().Where(x => x.CustomerId == Account.Id).OrderByDescending(x => x.Period).Take(120).ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>The PDF of one of the account's invoices (another account's is not found: the tenant scope hides it).</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid invoiceId)
    {
        if (!await EnterAsync())
        {
            return NotFound();
        }

        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == invoiceId && i.CustomerId == Account.Id);
        return invoice is null ? NotFound() : File(InvoicePdf.Render(invoice), "application/pdf", $"{invoice.Number}.pdf");
    }

    /// <summary>The PDF of one of the account's credit notes.</summary>
    public async Task<IActionResult> OnGetCreditNotePdfAsync(Guid creditNoteId)
    {
        if (!await EnterAsync())
        {
            return NotFound();
        }

        var note = await db.CreditNotes.AsNoTracking().Include(n => n.Lines).SingleOrDefaultAsync(n => n.Id == creditNoteId && n.CustomerId == Account.Id);
        return note is null ? NotFound() : File(InvoicePdf.Render(note), "application/pdf", $"{note.Number}.pdf");
    }

    /// <summary>The PDF of one of the account's Smart Number statements.</summary>
    public async Task<IActionResult> OnGetStatementPdfAsync(Guid statementId)
    {
        if (!await EnterAsync())
        {
            return NotFound();
        }

        var statement = await db.Statements.AsNoTracking().Include(x => x.Lines).SingleOrDefaultAsync(x => x.Id == statementId && x.CustomerId == Account.Id);
        return statement is null ? NotFound() : File(StatementPdf.Render(statement), "application/pdf", $"{statement.Number}.pdf");
    }

    /// <summary>To Stripe Checkout, to save a card or a SEPA mandate that the account's invoices are then charged to.</summary>
    public async Task<IActionResult> OnPostSetupAsync(CancellationToken cancellationToken)
    {
        if (!await EnterAsync() || !MayPay)
        {
            return NotFound();
        }

        try
        {
            return Redirect((await stripe.StartSetupAsync(Account.Id, Request, $"/CustomerArea/Invoices?accountId={Account.Id}", cancellationToken)).ToString());
        }
        catch (Stripe.StripeException)
        {
            return RedirectToPage(new { accountId = Account.Id, notice = "unreachable" });
        }
    }

    /// <summary>To Stripe Checkout, to pay what is left on one of the account's open invoices.</summary>
    public async Task<IActionResult> OnPostPayAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        if (!await EnterAsync() || !MayPay)
        {
            return NotFound();
        }

        try
        {
            var page = await stripe.StartPaymentAsync(Account.Id, invoiceId, Request, $"/CustomerArea/Invoices?accountId={Account.Id}", cancellationToken);
            return page is null ? RedirectToPage(new { accountId = Account.Id, notice = "nothingToPay" }) : Redirect(page.ToString());
        }
        catch (Stripe.StripeException)
        {
            return RedirectToPage(new { accountId = Account.Id, notice = "unreachable" });
        }
    }

    public static string Reference(Receivable receivable) => CreditorReference.Display(receivable.Reference);
}
