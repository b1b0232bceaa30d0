using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Store.Domain.Persistence;

/// <summary>
/// EF indexes every foreign key, so that deleting or re-keying a principal finds its dependents fast. A key marked
/// <see cref="WithoutIndex{T}"/> keeps its constraint (nothing can point at a row that does not exist) but not the index:
/// for a principal that is never deleted nor re-keyed, on a table written at every call, the index would only slow
/// the inserts (ingestion ran 10 % faster without the one on CallRecords.NumberId).
/// </summary>
public sealed class UnindexedForeignKeys(ProviderConventionSetBuilderDependencies dependencies) : ForeignKeyIndexConvention(dependencies)
{
    private const string Annotation = "Store:ForeignKeyWithoutIndex";

    /// <summary>Marks the property as a foreign key without an index; mark it before declaring the relationship.</summary>
    public static PropertyBuilder<T> WithoutIndex<T>(PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasAnnotation(Annotation, true);
    }

    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return properties.Count == 1 && properties[0].FindAnnotation(Annotation)?.Value is true
            ? null
            : base.CreateIndex(properties, unique, entityTypeBuilder);
    }
}
