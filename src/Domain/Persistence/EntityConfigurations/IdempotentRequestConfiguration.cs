using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Caller).HasMaxLength(200);
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.HasIndex(r => new { r.Caller, r.Key }).IsUnique();
        b.HasIndex(r => r.StartedAt);
        b.Property(r => r.StartedAt).IsConcurrencyToken();
    }
}
