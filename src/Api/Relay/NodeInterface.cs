using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Store.Api.Relay;

/// <summary>The Relay Node interface: anything with a global ID can be fetched again with node(id).</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global ID, which node(id) fetches again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID: opaque, stable.");
    }
}

/// <summary>How one type is fetched by id for node / nodes; registered per type by each area.</summary>
public sealed record NodeLoader(string TypeName, Func<IServiceProvider, IReadOnlyList<Guid>, CancellationToken, Task<IReadOnlyDictionary<Guid, object>>> LoadAsync);

/// <summary>node(id) and nodes(ids): each id resolved by its type's loader, through the tenant-filtered database.</summary>
public static class NodeQueries
{
    public const int MaxIds = 100;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("The object with this global ID, or null when it does not exist or you may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => (await LoadAsync(ctx, [ctx.GetArgument<string>("id")]))[0]);

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"The objects with these global IDs, in order, null where one does not exist or is not yours (at most {MaxIds}).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    throw new ExecutionError($"nodes takes at most {MaxIds} ids.") { Code = "BAD_USER_INPUT" };
                }

                return await LoadAsync(ctx, ids);
            });
    }

    private static async Task<object?[]> LoadAsync(IResolveFieldContext ctx, IReadOnlyList<string> ids)
    {
        var loaders = ctx.RequestServices!.GetServices<NodeLoader>().ToDictionary(l => l.TypeName, StringComparer.Ordinal);
        var decoded = ids.Select(GlobalId.Decode).ToArray();
        var found = new Dictionary<(string, Guid), object>();
        foreach (var group in decoded.Where(d => d is not null).Select(d => d!.Value).GroupBy(d => d.TypeName))
        {
            if (!loaders.TryGetValue(group.Key, out var loader))
            {
                continue;
            }

            var objects = await loader.LoadAsync(ctx.RequestServices!, group.Select(g => g.Id).Distinct().ToList(), ctx.CancellationToken);
            foreach (var (id, value) in objects)
            {
                found[(group.Key, id)] = value;
            }
        }

        return decoded.Select(d => d is { } key && found.TryGetValue((key.TypeName, key.Id), out var value) ? value : null).ToArray();
    }
}
