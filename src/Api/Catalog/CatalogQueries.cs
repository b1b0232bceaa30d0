using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain;
using Store.Domain.Catalog;

namespace Store.Api.Catalog;

/// <summary>The public catalog: what is on sale today, at which prices.</summary>
public static class CatalogQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<CatalogVersionType>>("catalog")
            .Description("The catalog version in force today (or on the given day).")
            .Argument<DateOnlyGraphType>("on", "The day; today in Europe/Paris when omitted.")
            .Resolve(ctx => InForce(ctx));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanType>>>>("plans")
            .Description("The hosted-telephony plans on sale today.")
            .Resolve(ctx => InForce(ctx).Plans);
    }

    internal static CatalogVersion InForce(IResolveFieldContext ctx)
    {
        var registry = ctx.RequestServices!.GetRequiredService<CatalogRegistry>();
        var day = ctx.GetArgument<DateOnly?>("on") ?? LocalTime.Today(ctx.RequestServices!.GetRequiredService<TimeProvider>());
        try
        {
            return registry.InForceOn(day);
        }
        catch (InvalidOperationException e)
        {
            throw new ExecutionError(e.Message) { Code = "NO_CATALOG" };
        }
    }

}
