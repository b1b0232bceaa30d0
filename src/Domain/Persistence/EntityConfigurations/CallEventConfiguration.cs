using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Store.Domain.Calls;
using Store.Domain.Customers;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class CallEventConfiguration : IEntityTypeConfiguration<CallEvent>
{
    public void Configure(EntityTypeBuilder<CallEvent> b)
    {
        b.ToTable("CallEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.EventId).HasMaxLength(CallEvent.MaxIdLength);
        b.HasIndex(e => e.EventId).IsUnique();
        b.Property(e => e.CallId).HasMaxLength(CallEvent.MaxIdLength);
        b.HasIndex(e => new { e.CustomerId, e.CallId });
        b.HasIndex(e => e.At);
        b.Property(e => e.Number).HasMaxLength(16);
        b.Property(e => e.Caller).HasMaxLength(CallEvent.MaxPartyLength);
        b.Property(e => e.Callee).HasMaxLength(CallEvent.MaxPartyLength);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Direction).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuarantinedCallEventConfiguration : IEntityTypeConfiguration<QuarantinedCallEvent>
{
    public void Configure(EntityTypeBuilder<QuarantinedCallEvent> b)
    {
        b.ToTable("QuarantinedCallEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.Source).HasMaxLength(200);
        b.Property(e => e.EventId).HasMaxLength(CallEvent.MaxIdLength);
        b.Property(e => e.Payload).HasMaxLength(QuarantinedCallEvent.MaxPayloadLength);
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.HasIndex(e => e.ReceivedAt);
    }
}
