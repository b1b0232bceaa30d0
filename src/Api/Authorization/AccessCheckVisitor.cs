using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;
using Store.Api.Viewer;

namespace Store.Api.Authorization;

/// <summary>
/// Wraps the resolver of each field that declares requirements, so that the field answers null with a clear error
/// (AUTH_REQUIRED or FORBIDDEN) instead of resolving when its caller does not meet them.
/// </summary>
public sealed class AccessCheckVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(field);
        var requirements = FieldAccess.RequirementsOf(field);
        if (requirements.Count > 0)
        {
            field.Resolver = new CheckedResolver(field.Resolver ?? NameFieldResolver.Instance, requirements);
        }
    }

    private sealed class CheckedResolver(IFieldResolver inner, IReadOnlyList<IAccessRequirement> requirements) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            var caller = context.Caller();
            foreach (var requirement in requirements)
            {
                if (requirement.Check(caller) is { } denial)
                {
                    throw new ExecutionError(denial.Message) { Code = denial.Code };
                }
            }

            return inner.ResolveAsync(context);
        }
    }
}
