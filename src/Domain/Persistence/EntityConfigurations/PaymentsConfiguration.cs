using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Store.Domain.Billing;
using Store.Domain.Customers;
using Store.Domain.Payments;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class ReceivableConfiguration : IEntityTypeConfiguration<Receivable>
{
    public void Configure(EntityTypeBuilder<Receivable> b)
    {
        b.HasKey(r => r.InvoiceId);
        b.Property(r => r.InvoiceNumber).HasMaxLength(32);
        b.HasIndex(r => r.InvoiceNumber).IsUnique();
        b.Property(r => r.Reference).HasMaxLength(25);
        b.HasIndex(r => r.Reference).IsUnique();

        // Dunning reads the unsettled invoices by due date; a customer's list by customer.
        b.HasIndex(r => new { r.SettledOn, r.DueOn });
        b.HasIndex(r => new { r.CustomerId, r.IssuedOn });
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Outstanding);
        b.Ignore(r => r.OutstandingMoney);
        b.HasOne<Invoice>().WithOne().HasForeignKey<Receivable>(r => r.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Reference).HasMaxLength(100);
        b.Property(p => p.SourceKey).HasMaxLength(200);
        b.HasIndex(p => p.SourceKey).IsUnique();
        b.Property(p => p.RecordedBy).HasMaxLength(254);
        b.HasIndex(p => p.InvoiceId);
        b.HasIndex(p => p.CustomerId);
        b.Ignore(p => p.Money);
        b.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BankStatementLineConfiguration : IEntityTypeConfiguration<BankStatementLine>
{
    public void Configure(EntityTypeBuilder<BankStatementLine> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Key).HasMaxLength(100);
        b.HasIndex(l => l.Key).IsUnique();
        b.Property(l => l.Reference).HasMaxLength(100);
        b.Property(l => l.Label).HasMaxLength(500);
        b.Property(l => l.FileName).HasMaxLength(200);
        b.Property(l => l.Currency).HasConversion<string>().HasMaxLength(3);
        b.HasIndex(l => l.PaymentId);
        b.Ignore(l => l.Matched);
        b.HasOne<Payment>().WithMany().HasForeignKey(l => l.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StripeChargeConfiguration : IEntityTypeConfiguration<StripeCharge>
{
    public void Configure(EntityTypeBuilder<StripeCharge> b)
    {
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.InvoiceId).IsUnique();
        b.HasIndex(c => new { c.Status, c.NextAttemptAt });
        b.Property(c => c.InvoiceNumber).HasMaxLength(32);
        b.Property(c => c.StripeCustomerId).HasMaxLength(100);
        b.Property(c => c.PaymentMethodId).HasMaxLength(100);
        b.Property(c => c.IdempotencyKey).HasMaxLength(100);
        b.Property(c => c.PaymentIntentId).HasMaxLength(100);
        b.HasIndex(c => c.PaymentIntentId);
        b.Property(c => c.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.LastError).HasMaxLength(500);
        b.Ignore(c => c.Money);
        b.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StripeRefundConfiguration : IEntityTypeConfiguration<StripeRefund>
{
    public void Configure(EntityTypeBuilder<StripeRefund> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.CreditNoteId).IsUnique();
        b.HasIndex(r => new { r.Status, r.NextAttemptAt });
        b.Property(r => r.CreditNoteNumber).HasMaxLength(32);
        b.Property(r => r.PaymentIntentId).HasMaxLength(100);
        b.Property(r => r.IdempotencyKey).HasMaxLength(100);
        b.Property(r => r.RefundId).HasMaxLength(100);
        b.HasIndex(r => r.RefundId);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.LastError).HasMaxLength(500);
        b.HasOne<CreditNote>().WithOne().HasForeignKey<StripeRefund>(r => r.CreditNoteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StripeEventConfiguration : IEntityTypeConfiguration<StripeEvent>
{
    public void Configure(EntityTypeBuilder<StripeEvent> b)
    {
        b.HasKey(e => e.EventId);
        b.Property(e => e.EventId).HasMaxLength(100);
        b.Property(e => e.Type).HasMaxLength(100);
        b.Property(e => e.Outcome).HasMaxLength(300);
    }
}
