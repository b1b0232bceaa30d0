using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Billing;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Persistence;
using Store.Domain.Tenancy;
using static Store.Domain.Tests.Billing.BillingExamples;

namespace Store.Domain.Tests.Billing;

/// <summary>Invoices and credit notes as stored: numbered without gaps, frozen, never billed twice, seen only by their customer.</summary>
public sealed class IssuedDocumentsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private SqliteStoreDb Open(TenantScope? tenant = null) => new(new DbContextOptionsBuilder<SqliteStoreDb>().UseSqlite(_connection).Options, tenant);

    private async Task<Customer> NewCustomerAsync(string name)
    {
        await using var db = Open();
        var customer = new Customer(name, Market.FR, new Address("1 rue A", null, "75001", "Paris", "FR"), "billing@example.fr", Now);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    private static InvoiceDraft DraftFor(Customer customer, string period = "2026-04")
    {
        var subscription = Monthly("forfait-pro", 2, D(2025, 6, 1));
        return Invoicing.Draft(_ => Offers, new BillingInput(LegalDetails.Of(customer), FrenchSeller, BillingPeriod.Parse(period), [subscription], [], [], []));
    }

    [Fact]
    public async Task Invoices_are_numbered_in_sequence_and_a_rolled_back_issue_leaves_no_gap()
    {
        var a = await NewCustomerAsync("Alpha SARL");
        var b = await NewCustomerAsync("Beta SAS");
        var c = await NewCustomerAsync("Gamma SA");

        await using (var db = Open())
        {
            Assert.Equal("F-2026-000001", (await DocumentIssuing.IssueInvoiceAsync(db, DraftFor(a), Now, 30, null)).Number);
        }

        // Something saved with the invoice fails: the invoice is not issued and its number is given back.
        await using (var db = Open())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => DocumentIssuing.IssueInvoiceAsync(db, DraftFor(b), Now, 30, null, _ => throw new InvalidOperationException("mail template missing")));
        }

        await using (var db = Open())
        {
            Assert.Equal("F-2026-000002", (await DocumentIssuing.IssueInvoiceAsync(db, DraftFor(b), Now, 30, null)).Number);
            Assert.Equal("F-2026-000003", (await DocumentIssuing.IssueInvoiceAsync(db, DraftFor(c), Now, 30, null)).Number);
            Assert.Equal(["F-2026-000001", "F-2026-000002", "F-2026-000003"], await db.Invoices.OrderBy(i => i.Number).Select(i => i.Number).ToListAsync());
        }
    }

    [Fact]
    public async Task A_customer_gets_one_periodic_invoice_per_month_however_often_it_is_issued()
    {
        var customer = await NewCustomerAsync("Alpha SARL");
        await using (var db = Open())
        {
            await DocumentIssuing.IssueInvoiceAsync(db, DraftFor(customer), Now, 30, null);
        }

        await using (var db = Open())
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => DocumentIssuing.IssueInvoiceAsync(db, DraftFor(customer), Now, 30, null));
        }

        await using (var db = Open())
        {
            Assert.Equal(1, await db.Invoices.CountAsync());

            // The refused duplicate did not use up a number.
            Assert.Equal("F-2026-000002", (await DocumentIssuing.IssueInvoiceAsync(db, DraftFor(customer, "2026-05"), Now, 30, null)).Number);
        }
    }

    [Fact]
    public async Task An_issued_invoice_cannot_be_changed_or_deleted_only_credited()
    {
        var customer = await NewCustomerAsync("Alpha SARL");
        await using (var db = Open())
        {
            await DocumentIssuing.IssueInvoiceAsync(db, DraftFor(customer), Now, 30, null);
        }

        await using (var db = Open())
        {
            var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync();
            db.Entry(invoice).Property(i => i.TotalExcludingVat).CurrentValue = 1m;
            var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("credit note", changed.Message, StringComparison.Ordinal);
        }

        await using (var db = Open())
        {
            var line = await db.InvoiceLines.FirstAsync();
            db.InvoiceLines.Remove(line);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = Open())
        {
            var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync();
            var note = await DocumentIssuing.IssueCreditNoteAsync(db, invoice, "Licences facturées par erreur", Now.AddDays(3));

            // The whole invoice credited: 2 × 39.90 = 79.80 HT, 15.96 VAT, 95.76 TTC, in its own series.
            Assert.Equal(("AV-2026-000001", invoice.Id, "F-2026-000001"), (note.Number, note.InvoiceId, note.InvoiceNumber));
            Assert.Equal((79.80m, 15.96m, 95.76m), (note.TotalExcludingVat, note.TotalVat, note.TotalIncludingVat));
            Assert.Equal((invoice.TotalExcludingVat, invoice.TotalIncludingVat), (note.TotalExcludingVat, note.TotalIncludingVat));
        }
    }

    [Fact]
    public async Task An_invoice_keeps_the_legal_details_the_customer_had_when_it_was_issued()
    {
        var customer = await NewCustomerAsync("Alpha SARL");
        await using (var db = Open())
        {
            var stored = await db.Customers.SingleAsync();
            stored.SetCompanyIdentifiers("552 032 534", "FR27552032534");
            await db.SaveChangesAsync();
            await DocumentIssuing.IssueInvoiceAsync(db, DraftFor(stored), Now, 30, null);
            stored.SetCompanyIdentifiers(null, null);
            await db.SaveChangesAsync();
        }

        await using (var read = Open())
        {
            var invoice = await read.Invoices.SingleAsync();
            Assert.Equal(("Alpha SARL", "FR27552032534", "Paris"), (invoice.Buyer.LegalName, invoice.Buyer.VatNumber, invoice.Buyer.Address.City));
            Assert.Equal("FR27552032534", invoice.Seller.VatNumber);
            Assert.Equal((D(2026, 4, 1), D(2026, 5, 1)), (invoice.IssuedOn, invoice.DueOn));
            Assert.Null((await read.Customers.SingleAsync()).VatNumber);
        }
    }

    [Fact]
    public async Task A_customer_sees_its_own_invoices_and_not_another_customers()
    {
        var mine = await NewCustomerAsync("Alpha SARL");
        var theirs = await NewCustomerAsync("Beta SAS");
        await using (var db = Open())
        {
            await DocumentIssuing.IssueInvoiceAsync(db, DraftFor(mine), Now, 30, null);
            await DocumentIssuing.IssueInvoiceAsync(db, DraftFor(theirs), Now, 30, null);
        }

        var tenant = new TenantScope();
        tenant.Restrict(null, [mine.Id]);
        await using var restricted = Open(tenant);
        var visible = await restricted.Invoices.ToListAsync();
        Assert.Equal(mine.Id, Assert.Single(visible).CustomerId);
        Assert.Equal(visible[0].Id, Assert.Single(await restricted.InvoiceLines.ToListAsync()).InvoiceId);

        // A customer of no reseller does not see the other customers of no reseller either.
        Assert.Equal(mine.Id, Assert.Single(await restricted.Customers.ToListAsync()).Id);
    }
}
