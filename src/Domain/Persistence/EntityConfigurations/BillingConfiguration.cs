using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Store.Domain.Billing;
using Store.Domain.Billing.Statements;
using Store.Domain.Customers;
using Store.Domain.Subscriptions;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Number).HasMaxLength(32);
        b.HasIndex(i => i.Number).IsUnique();
        b.Property(i => i.Period).HasMaxLength(7);

        // The periodic invoice of a month exists once per customer: a run started twice cannot bill twice.
        b.HasIndex(i => new { i.CustomerId, i.Period }).IsUnique();
        b.HasIndex(i => i.BillingRunId);
        b.Property(i => i.VatRegime).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.VatMention).HasMaxLength(300);
        b.Property(i => i.BuyerSnapshot).HasMaxLength(4000);
        b.Property(i => i.SellerSnapshot).HasMaxLength(4000);
        b.Ignore(i => i.Buyer);
        b.Ignore(i => i.Seller);
        b.Ignore(i => i.Market);
        b.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BillingRun>().WithMany().HasForeignKey(i => i.BillingRunId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(i => i.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> b)
    {
        b.HasKey(l => l.Id);
        b.HasIndex(l => new { l.InvoiceId, l.Position }).IsUnique();
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Code).HasMaxLength(64);
        b.Property(l => l.Description).HasMaxLength(300);
    }
}

internal sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(32);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.InvoiceNumber).HasMaxLength(32);
        b.Property(c => c.Reason).HasMaxLength(500);
        b.Property(c => c.BuyerSnapshot).HasMaxLength(4000);
        b.Property(c => c.SellerSnapshot).HasMaxLength(4000);
        b.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CreditNoteId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(c => c.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CreditNoteLineConfiguration : IEntityTypeConfiguration<CreditNoteLine>
{
    public void Configure(EntityTypeBuilder<CreditNoteLine> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Description).HasMaxLength(300);
    }
}

internal sealed class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(16);
    }
}

internal sealed class BillingRunConfiguration : IEntityTypeConfiguration<BillingRun>
{
    public void Configure(EntityTypeBuilder<BillingRun> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Period).HasMaxLength(7);
        b.HasIndex(r => r.Period).IsUnique();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.LastError).HasMaxLength(1000);
        b.Ignore(r => r.Done);
    }
}

internal sealed class OneOffFeeEntryConfiguration : IEntityTypeConfiguration<OneOffFeeEntry>
{
    public void Configure(EntityTypeBuilder<OneOffFeeEntry> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.CatalogVersion).HasMaxLength(32);
        b.Property(f => f.FeeCode).HasMaxLength(64);
        b.Property(f => f.Note).HasMaxLength(300);
        b.HasIndex(f => new { f.CustomerId, f.InvoiceId });
        b.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(f => f.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceIncidentConfiguration : IEntityTypeConfiguration<ServiceIncident>
{
    public void Configure(EntityTypeBuilder<ServiceIncident> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Description).HasMaxLength(500);
        b.HasIndex(i => new { i.CustomerId, i.Start });
        b.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subscription>().WithMany().HasForeignKey(i => i.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Number).HasMaxLength(32);
        b.HasIndex(s => s.Number).IsUnique();
        b.Property(s => s.Period).HasMaxLength(7);

        // One statement per holder and month, whatever how many times the job runs.
        b.HasIndex(s => new { s.CustomerId, s.Period }).IsUnique();
        b.Property(s => s.HolderSnapshot).HasMaxLength(4000);
        b.Property(s => s.SellerSnapshot).HasMaxLength(4000);
        b.Ignore(s => s.Holder);
        b.Ignore(s => s.Seller);
        b.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.StatementId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(s => s.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StatementLineConfiguration : IEntityTypeConfiguration<StatementLine>
{
    public void Configure(EntityTypeBuilder<StatementLine> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Number).HasMaxLength(20);
        b.Property(l => l.Payout).HasConversion<string>().HasMaxLength(16);
    }
}
