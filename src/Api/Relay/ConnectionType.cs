using GraphQL.Types;

namespace Store.Api.Relay;

/// <summary>The GraphQL type of a connection of <typeparamref name="TNodeType"/>: "XConnection" with "XEdge".</summary>
public sealed class ConnectionType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var node = typeof(TNodeType).Name.Replace("Type", string.Empty, StringComparison.Ordinal);
        Name = node + "Connection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>>("edges").Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Description("The nodes of the edges, for clients that need no cursors.").Resolve(ctx => ctx.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx => ctx.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many items the whole list has.").ResolveAsync(async ctx => await ctx.Source.CountAsync(ctx.CancellationToken));
    }
}

public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = typeof(TNodeType).Name.Replace("Type", string.Empty, StringComparison.Ordinal) + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}
