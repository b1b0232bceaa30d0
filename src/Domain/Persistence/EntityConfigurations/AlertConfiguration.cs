using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Store.Domain.Calls.Alerts;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Numbers;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class FigureAlertConfiguration : IEntityTypeConfiguration<FigureAlert>
{
    public void Configure(EntityTypeBuilder<FigureAlert> b)
    {
        b.ToTable("FigureAlerts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(a => a.CustomerId);
        b.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TelephoneNumber>().WithMany().HasForeignKey(a => a.NumberId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Recipients).WithOne().HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Recipients).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AlertRecipientConfiguration : IEntityTypeConfiguration<AlertRecipient>
{
    public void Configure(EntityTypeBuilder<AlertRecipient> b)
    {
        b.ToTable("AlertRecipients");
        b.HasKey(r => new { r.AlertId, r.UserId });
        b.HasOne<StoreUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertNoticeConfiguration : IEntityTypeConfiguration<AlertNotice>
{
    public void Configure(EntityTypeBuilder<AlertNotice> b)
    {
        b.ToTable("AlertNotices");

        // The natural key: an alert is told once for a day, whichever run or process gets there first.
        b.HasKey(n => new { n.AlertId, n.Day });
        b.Property(n => n.Figures).HasMaxLength(200);
        b.HasOne<FigureAlert>().WithMany().HasForeignKey(n => n.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}
