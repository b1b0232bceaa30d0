using GraphQL;
using GraphQL.Types;

namespace Store.Api.Relay;

/// <summary>A page of a list, Relay style: edges with cursors, and whether there is more either way.</summary>
/// <remarks>The total is counted only when a client asks for it.</remarks>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, Func<CancellationToken, Task<int>> CountAsync);

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>The paging arguments of a connection, checked: exactly one of first / last, 1 to 100.</summary>
public sealed record PageRequest(int? First, string? After, int? Last, string? Before)
{
    public const int MaxPage = 100;

    public bool Backwards => Last is not null;

    public int Size => First ?? Last ?? 0;

    public static void AddArguments(FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Arguments ??= new QueryArguments();
        field.Arguments.Add(new QueryArgument<IntGraphType> { Name = "first", Description = $"The first n items after the cursor 'after' (1 to {MaxPage}); first or last is required." });
        field.Arguments.Add(new QueryArgument<StringGraphType> { Name = "after" });
        field.Arguments.Add(new QueryArgument<IntGraphType> { Name = "last", Description = $"The last n items before the cursor 'before' (1 to {MaxPage})." });
        field.Arguments.Add(new QueryArgument<StringGraphType> { Name = "before" });
    }

    public static PageRequest From(IResolveFieldContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var request = new PageRequest(ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after"), ctx.GetArgument<int?>("last"), ctx.GetArgument<string?>("before"));
        if ((request.First is null) == (request.Last is null))
        {
            throw new ExecutionError("Give either first or last.") { Code = "BAD_USER_INPUT" };
        }

        if (request.Size is < 1 or > MaxPage)
        {
            throw new ExecutionError($"{(request.First is null ? "last" : "first")} must be between 1 and {MaxPage}.") { Code = "BAD_USER_INPUT" };
        }

        return request;
    }
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field(p => p.HasNextPage);
        Field(p => p.HasPreviousPage);
        Field(p => p.StartCursor, nullable: true);
        Field(p => p.EndCursor, nullable: true);
    }
}
