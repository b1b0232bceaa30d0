using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Store.Domain.Calls;
using Store.Domain.Customers;
using Store.Domain.Numbers;
using Store.Domain.Rating;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> b)
    {
        b.ToTable("CallRecords");
        b.HasKey(c => c.Id);
        b.Property(c => c.PlatformCallId).HasMaxLength(CallValidation.MaxCallIdLength);
        b.HasIndex(c => c.PlatformCallId).IsUnique();

        // The hottest table takes two indexes only, each written at every insert: the platform's id, and the customer's
        // calls by start, which serves the call list and, through UsageMonth.Around, every query by day or month.
        b.HasIndex(c => new { c.CustomerId, c.StartedAt });
        b.Property(c => c.Period).HasMaxLength(7);
        b.Property(c => c.Account).HasMaxLength(16);
        b.Property(c => c.User).HasMaxLength(128);
        b.Property(c => c.Caller).HasMaxLength(16);
        b.Property(c => c.Callee).HasMaxLength(16);
        b.Property(c => c.CorrespondentCountry).HasMaxLength(2);
        b.Property(c => c.TariffChanges).HasMaxLength(2000);
        b.Property(c => c.Direction).HasConversion<string>().HasMaxLength(8);
        b.Property(c => c.Disposition).HasConversion<string>().HasMaxLength(8);
        b.Property(c => c.Flags).HasConversion<int>();
        b.Property(c => c.CorrespondentCategory).HasConversion<string>().HasMaxLength(24);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // The number the call was made on: numbers are never deleted, the constraint suffices.
        UnindexedForeignKeys.WithoutIndex(b.Property(c => c.NumberId));
        b.HasOne<TelephoneNumber>().WithMany().HasForeignKey(c => c.NumberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallChargeConfiguration : IEntityTypeConfiguration<CallCharge>
{
    public void Configure(EntityTypeBuilder<CallCharge> b)
    {
        b.ToTable("CallCharges");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.CustomerId, c.Period });
        b.HasIndex(c => c.CallRecordId);
        b.Property(c => c.Period).HasMaxLength(7);
        b.Property(c => c.CallPeriod).HasMaxLength(7);
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Rule).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.Reason).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.CatalogVersion).HasMaxLength(32);
        b.HasOne<CallRecord>().WithMany().HasForeignKey(c => c.CallRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuarantinedCallConfiguration : IEntityTypeConfiguration<QuarantinedCall>
{
    public void Configure(EntityTypeBuilder<QuarantinedCall> b)
    {
        b.ToTable("QuarantinedCalls");
        b.HasKey(q => q.Id);
        b.Property(q => q.Format).HasMaxLength(16);
        b.Property(q => q.PlatformCallId).HasMaxLength(CallValidation.MaxCallIdLength);
        b.Property(q => q.Field).HasMaxLength(64);
        b.Property(q => q.Reason).HasMaxLength(400);
        b.Property(q => q.Code).HasMaxLength(40);
        b.HasIndex(q => new { q.ReplayedAt, q.ReceivedAt });
    }
}

internal sealed class UsageCounterConfiguration : IEntityTypeConfiguration<UsageCounter>
{
    public void Configure(EntityTypeBuilder<UsageCounter> b)
    {
        b.ToTable("UsageCounters");
        b.HasKey(c => new { c.CustomerId, c.Period, c.Name });
        b.Property(c => c.Period).HasMaxLength(7);
        b.Property(c => c.Name).HasMaxLength(160);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MonthlyCorrespondentConfiguration : IEntityTypeConfiguration<MonthlyCorrespondent>
{
    public void Configure(EntityTypeBuilder<MonthlyCorrespondent> b)
    {
        b.ToTable("MonthlyCorrespondents");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(200);
        b.Property(c => c.Period).HasMaxLength(7);
        b.Property(c => c.CounterKey).HasMaxLength(128);
        b.HasIndex(c => new { c.CustomerId, c.Period });
    }
}

internal sealed class SmartNumberTariffConfiguration : IEntityTypeConfiguration<SmartNumberTariff>
{
    public void Configure(EntityTypeBuilder<SmartNumberTariff> b)
    {
        b.ToTable("SmartNumberTariffs");
        b.HasKey(t => new { t.NumberId, t.Index });
        b.HasOne<TelephoneNumber>().WithMany().HasForeignKey(t => t.NumberId).OnDelete(DeleteBehavior.Cascade);
    }
}
