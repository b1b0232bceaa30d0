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
        b.Property(n => n.Destination).HasMaxLength(16);
        b.Property(n => n.PresentedNumber).HasMaxLength(16);
        b.Property(n => n.RoutingMode).HasConversion<string>().HasMaxLength(8);
        b.Property(n => n.InboundDisplay).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.PresentedAs).HasConversion<string>().HasMaxLength(24);
        b.Property(n => n.Schedule).HasConversion(new RoutingScheduleConverter(), RoutingScheduleConverter.Comparer).HasMaxLength(8000);
        b.HasMany(n => n.ScheduledChanges).WithOne().HasForeignKey(c => c.NumberId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.BlockedCallers).WithOne().HasForeignKey(c => c.NumberId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(n => n.ScheduledChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(n => n.BlockedCallers).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsOne(n => n.SmartNumber, p =>
        {
            p.Property(x => x.TypeCode).HasMaxLength(16);
            p.Property(x => x.TariffKind).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.Payout).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.UsageCategory).HasMaxLength(64);
        });
        b.HasOne<Customer>().WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
