using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Store.Domain.Customers;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.LegalName).HasMaxLength(200);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        b.Property(c => c.CompanyNumber).HasMaxLength(32);
        b.Property(c => c.VatNumber).HasMaxLength(32);
        b.Property(c => c.BillingEmail).HasMaxLength(254);
        b.HasIndex(c => new { c.ResellerId, c.LegalName });
        b.HasIndex(c => c.ParentId);
        b.Property(c => c.StripeCustomerId).HasMaxLength(100);
        b.HasIndex(c => c.StripeCustomerId).IsUnique();
        b.Property(c => c.StripePaymentMethodId).HasMaxLength(100);
        b.Property(c => c.PaysBy).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Reseller>().WithMany().HasForeignKey(c => c.ResellerId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsOne(c => c.BillingAddress, a =>
        {
            a.Property(x => x.Line1).HasMaxLength(200);
            a.Property(x => x.Line2).HasMaxLength(200);
            a.Property(x => x.PostalCode).HasMaxLength(16);
            a.Property(x => x.City).HasMaxLength(100);
            a.Property(x => x.Country).HasMaxLength(2);
        });
        b.OwnsOne(c => c.CorrespondenceAddress, a =>
        {
            a.Property(x => x.Line1).HasMaxLength(200);
            a.Property(x => x.Line2).HasMaxLength(200);
            a.Property(x => x.PostalCode).HasMaxLength(16);
            a.Property(x => x.City).HasMaxLength(100);
            a.Property(x => x.Country).HasMaxLength(2);
        });
    }
}

internal sealed class ResellerConfiguration : IEntityTypeConfiguration<Reseller>
{
    public void Configure(EntityTypeBuilder<Reseller> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(200);
    }
}
