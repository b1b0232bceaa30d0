using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Store.Domain.Customers;
using Store.Domain.Numbers;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class TelephoneNumberConfiguration : IEntityTypeConfiguration<TelephoneNumber>
{
    public void Configure(EntityTypeBuilder<TelephoneNumber> b)
    {
        b.ToTable("Numbers");
        b.HasKey(n => n.Id);
        b.Property(n => n.E164).HasMaxLength(16);
        b.HasIndex(n => n.E164).IsUnique();
        b.HasIndex(n => n.CustomerId);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(n => n.CurrentOperator).HasMaxLength(100);
        b.HasOne<Customer>().WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
