using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Store.Domain.Signup;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class SignupDraftConfiguration : IEntityTypeConfiguration<SignupDraft>
{
    public void Configure(EntityTypeBuilder<SignupDraft> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.OrderJson).HasMaxLength(16_000);
        b.Ignore(d => d.Order);
        b.HasIndex(d => d.UpdatedAt);
    }
}
