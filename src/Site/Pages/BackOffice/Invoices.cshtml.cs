using System.Text;
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

/// <summary>Where an invoice's mail stands in the outbox.</summary>
public enum InvoiceMailState
{
    None,
    Pending,
    Sent,
    Abandoned,
}

/// <summary>
/// Every customer's invoices with what is owed and whether the mail left, filtered by status and month; the import
/// of bank statement files and the statement lines left for someone to match by hand.
/// </summary>
[Authorize(Policy = BackOfficePolicy.Name)]
public sealed class InvoicesModel(StoreDb db, PaymentBook book, TimeProvider clock) : PageModel
{
    public const long MaxStatementBytes = 5 * 1024 * 1024;

    public sealed record Row(Invoice Invoice, string Customer, Receivable? Receivable, ReceivableStatus Status, InvoiceMailState Mail);

    public IReadOnlyList<Row> Invoices { get; private set; } = [];

    public IReadOnlyList<BankStatementLine> Unmatched { get; private set; } = [];

    [FromQuery(Name = "status")]
    public ReceivableStatus? Status { get; set; }

    [FromQuery(Name = "period")]
    public string? Period { get; set; }

    public StatementImport? Imported { get; private set; }

    public string? Error { get; private set; }

    [TempData]
    public string? Matched { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostImportAsync(IFormFile? statement, CancellationToken cancellationToken)
    {
        if (statement is null || statement.Length == 0)
        {
            Error = "backOffice.invoices.importEmpty";
        }
        else if (statement.Length > MaxStatementBytes)
        {
            Error = "backOffice.invoices.importTooLarge";
        }
        else
        {
            using var reader = new StreamReader(statement.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var content = await reader.ReadToEndAsync(cancellationToken);
            Imported = await book.ImportStatementAsync(Path.GetFileName(statement.FileName), content, cancellationToken);
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostMatchAsync(Guid lineId, string? invoiceNumber, CancellationToken cancellationToken)
    {
        var outcome = string.IsNullOrWhiteSpace(invoiceNumber)
            ? PaymentOutcome.InvoiceNotFound
            : await book.MatchLineAsync(lineId, invoiceNumber, User.Identity?.Name, cancellationToken);
        if (outcome == PaymentOutcome.Recorded)
        {
            Matched = invoiceNumber!.Trim().ToUpperInvariant();
            return RedirectToPage();
        }

        Error = "backOffice.payment." + outcome;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var query = db.Invoices.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Period))
        {
            query = query.Where(i => i.Period == Period);
        }

        var invoices = await query.OrderByDescending(i => i.IssuedAt).Take(500).ToListAsync();
        var ids = invoices.Select(i => i.Id).ToList();
        var customerIds = invoices.Select(i => i.CustomerId).Distinct().ToList();
        var receivables = await db.Receivables.AsNoTracking().Where(r => ids.Contains(r.InvoiceId)).ToDictionaryAsync(r => r.InvoiceId);
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.LegalName);
        var mails = await MailStatesAsync(invoices.Select(i => i.Number + ".pdf").ToList());
        var today = LocalTime.Today(clock);
        Invoices = [.. invoices
            .Select(i =>
            {
                var receivable = receivables.GetValueOrDefault(i.Id);
                return new Row(i, customers.GetValueOrDefault(i.CustomerId, "?"), receivable, receivable?.StatusOn(today) ?? ReceivableStatus.Open, mails.GetValueOrDefault(i.Number + ".pdf"));
            })
            .Where(r => Status is null || r.Status == Status)];
        Unmatched = await db.BankStatementLines.AsNoTracking().Where(l => l.PaymentId == null).OrderBy(l => l.BookedOn).Take(200).ToListAsync();
    }

    /// <summary>The state of the mails that carried each invoice PDF (by its file name), the furthest along winning.</summary>
    private async Task<Dictionary<string, InvoiceMailState>> MailStatesAsync(List<string> fileNames)
    {
        var rows = await (from a in db.MailAttachments.AsNoTracking()
                          join m in db.OutboxMails.AsNoTracking() on a.MailId equals m.Id
                          where fileNames.Contains(a.FileName) && m.Kind == InvoiceMail.Kind
                          select new { a.FileName, m.SentAt, m.AbandonedAt }).ToListAsync();
        return rows.GroupBy(r => r.FileName, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Any(r => r.SentAt != null) ? InvoiceMailState.Sent
                : g.Any(r => r.AbandonedAt == null) ? InvoiceMailState.Pending
                : InvoiceMailState.Abandoned,
            StringComparer.Ordinal);
    }

    public static IReadOnlyList<ReceivableStatus> Statuses { get; } = Enum.GetValues<ReceivableStatus>();
}
