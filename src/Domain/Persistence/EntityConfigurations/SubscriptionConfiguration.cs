using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Subscriptions;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(32);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.CatalogVersion).HasMaxLength(32);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PublishedCatalog>().WithMany().HasForeignKey(c => c.CatalogVersion).HasPrincipalKey(p => p.Version).OnDelete(DeleteBehavior.Restrict);
        b.OwnsOne(c => c.Acceptance, a =>
        {
            a.Property(x => x.AcceptedBy).HasMaxLength(254);
            a.Property(x => x.FromAddress).HasMaxLength(64);
            a.Property(x => x.ConditionVersions).HasMaxLength(400);
        });
        b.HasMany(c => c.Subscriptions).WithOne().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(c => c.Subscriptions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.CatalogVersion).HasMaxLength(32);
        b.Property(s => s.ProductCode).HasMaxLength(64);
        b.HasOne<PublishedCatalog>().WithMany().HasForeignKey(s => s.CatalogVersion).HasPrincipalKey(p => p.Version).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Options).WithOne().HasForeignKey(o => o.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Options).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(s => s.QuantityChanges).WithOne().HasForeignKey(c => c.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.QuantityChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class QuantityChangeConfiguration : IEntityTypeConfiguration<QuantityChange>
{
    public void Configure(EntityTypeBuilder<QuantityChange> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Rule).HasMaxLength(300);
        b.HasIndex(c => new { c.SubscriptionId, c.EffectiveOn });
    }
}

internal sealed class SubscriptionOptionConfiguration : IEntityTypeConfiguration<SubscriptionOption>
{
    public void Configure(EntityTypeBuilder<SubscriptionOption> b)
    {
        b.HasKey(o => o.Id);

        // Ids are made by the entities: options added to a loaded subscription are new rows, not updates.
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.OptionCode).HasMaxLength(64);
    }
}
