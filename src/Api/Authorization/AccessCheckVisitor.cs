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
            if (field.StreamResolver is { } stream)
            {
                // A subscription is refused when it starts, not at its first event.
                field.StreamResolver = new CheckedStreamResolver(stream, requirements);
            }
        }
    }

    private static void Check(IResolveFieldContext context, IReadOnlyList<IAccessRequirement> requirements)
    {
        var caller = context.Caller();
        foreach (var requirement in requirements)
        {
            if (requirement.Check(caller) is { } denial)
            {
                throw new ExecutionError(denial.Message) { Code = denial.Code };
            }
        }
    }

    private sealed class CheckedStreamResolver(ISourceStreamResolver inner, IReadOnlyList<IAccessRequirement> requirements) : ISourceStreamResolver
    {
        public ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
        {
            Check(context, requirements);
            return inner.ResolveAsync(context);
        }
    }

    private sealed class CheckedResolver(IFieldResolver inner, IReadOnlyList<IAccessRequirement> requirements) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            Check(context, requirements);
            return inner.ResolveAsync(context);
        }
    }
}
