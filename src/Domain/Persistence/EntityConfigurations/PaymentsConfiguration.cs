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
