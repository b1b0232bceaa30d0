using GraphQL.Types;

namespace Store.Api.Authorization;

/// <summary>
/// Declares on a field what its caller needs: <c>.RequireScope("customers:read")</c>, <c>.RequireReseller()</c>.
/// <see cref="AccessCheckVisitor"/> checks them before the field resolves.
/// </summary>
public static class FieldAccess
{
    private const string Key = "store:access";

    public static TMetadataWriter RequireScope<TMetadataWriter>(this TMetadataWriter field, string scope)
        where TMetadataWriter : IMetadataWriter
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        return field.Require(new ScopeRequirement(scope));
    }

    public static TMetadataWriter RequireReseller<TMetadataWriter>(this TMetadataWriter field)
        where TMetadataWriter : IMetadataWriter => field.Require(new ResellerRequirement());

    public static TMetadataWriter Require<TMetadataWriter>(this TMetadataWriter field, IAccessRequirement requirement)
        where TMetadataWriter : IMetadataWriter
    {
        ArgumentNullException.ThrowIfNull(field);
        var requirements = field.GetMetadata<List<IAccessRequirement>>(Key) ?? [];
        requirements.Add(requirement);
        field.Metadata[Key] = requirements;
        return field;
    }

    public static IReadOnlyList<IAccessRequirement> RequirementsOf(IMetadataReader field) =>
        field?.GetMetadata<List<IAccessRequirement>>(Key) ?? [];
}
