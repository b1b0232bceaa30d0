using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Store.Domain.Catalog;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class CatalogConfiguration : IEntityTypeConfiguration<PublishedCatalog>
{
    public void Configure(EntityTypeBuilder<PublishedCatalog> b)
    {
        b.ToTable("CatalogVersions");
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).HasMaxLength(32);
        b.HasIndex(c => c.Version).IsUnique();
        b.Property(c => c.Fingerprint).HasMaxLength(64);
        b.Property(c => c.SourceFile).HasMaxLength(400);
        b.Property(c => c.Document);
    }
}
