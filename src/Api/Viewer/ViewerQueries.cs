using GraphQL.Types;

namespace Store.Api.Viewer;

public static class ViewerQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ViewerType>>("viewer")
            .Description("Who is calling: kind, client, person, scopes and reseller.")
            .Resolve(ctx => ctx.Caller());
    }
}
