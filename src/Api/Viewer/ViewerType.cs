using GraphQL.Types;

namespace Store.Api.Viewer;

public sealed class ViewerKindType : EnumerationGraphType<CallerKind>
{
    public ViewerKindType()
    {
        Name = "ViewerKind";
        Description = "Who is calling: nobody in particular, a person, or a machine client.";
    }
}

public sealed class ViewerType : ObjectGraphType<Caller>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "The caller of this request, as Store authenticated it.";
        Field<NonNullGraphType<ViewerKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<StringGraphType>("clientId").Description("The OAuth client the token was issued to.").Resolve(ctx => ctx.Source.ClientId);
        Field<IdGraphType>("userId").Description("The person, when a person calls.").Resolve(ctx => ctx.Source.UserId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes")
            .Description("The scopes the token grants; none for a person signed in on the site.")
            .Resolve(ctx => ctx.Source.Scopes);
        Field<IdGraphType>("resellerId").Description("The reseller the caller acts for, if any.").Resolve(ctx => ctx.Source.ResellerId);
    }
}
