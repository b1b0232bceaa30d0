using GraphQL;

namespace Store.Api.Viewer;

/// <summary>The GraphQL user context: carries the caller to the resolvers and the authorization checks.</summary>
public sealed class CallerContext(Caller caller) : Dictionary<string, object?>
{
    public Caller Caller { get; } = caller;
}

public static class CallerContextExtensions
{
    /// <summary>The request's caller; anonymous when the transport set none.</summary>
    public static Caller Caller(this IResolveFieldContext context) =>
        (context?.UserContext as CallerContext)?.Caller ?? Viewer.Caller.Anonymous;
}
