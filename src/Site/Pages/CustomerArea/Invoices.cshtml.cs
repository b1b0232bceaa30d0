using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain.Billing;
using Store.Domain.Billing.Statements;
using Store.Domain.Catalog;
using Store.Domain.Payments;
using Store.Domain.Persistence;
using Store.Domain.Tenancy;
using Store.Site.CustomerArea;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.CustomerArea;

/// <summary>The account's invoices and credit notes, each with its PDF; what is still due and the reference to quote with a transfer.</summary>
public sealed class InvoicesModel(StoreDb db, AccountAccess access, TenantScope tenant, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts)
    : CustomerAreaPage(access, tenant, catalogs, clock, texts)
{
    public sealed record InvoiceRow(Invoice Invoice, Receivable? Receivable, ReceivableStatus Status);

    public IReadOnlyList<InvoiceRow> Invoices { get; private set; } = [];

    public IReadOnlyList<CreditNote> CreditNotes { get; private set; } = [];

    public Store.Domain.Billing.Seller? PayTo { get; private set; }

    /// <summary>The Smart Number monthly statements of the account, when it holds premium numbers.</summary>
    public IReadOnlyList<Statement> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await EnterAsync())
        {
            return NoAccount();
        }

        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CustomerId == Account.Id).OrderByDescending(i => i.IssuedAt).Take(240).ToListAsync();
        var ids = invoices.Select(i => i.Id).ToList();
        var receivables = await db.Receivables.AsNoTracking().Where(r => ids.Contains(r.InvoiceId)).ToDictionaryAsync(r => r.InvoiceId);
        var today = Today;
        Invoices = [.. invoices.Select(i => receivables.TryGetValue(i.Id, out var r)
            ? new InvoiceRow(i, r, r.StatusOn(today))
            : new InvoiceRow(i, null, ReceivableStatus.Open))];
        CreditNotes = await db.CreditNotes.AsNoTracking().Where(n => n.CustomerId == Account.Id).OrderByDescending(n => n.IssuedAt).Take(240).ToListAsync();
        PayTo = invoices.FirstOrDefault()?.Seller;
        Statements = await db.Statements.AsNoTracking().Where(x => x.CustomerId == Account.Id).OrderByDescending(x => x.Period).Take(120).ToListAsync();
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

    public static string Reference(Receivable receivable) => CreditorReference.Display(receivable.Reference);
}
