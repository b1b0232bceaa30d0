using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Viewer;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Api.Customers;

/// <summary>A reseller's customers, for its API clients and its staff.</summary>
public static class CustomersQueries
{
    public const int MaxPage = 100;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ListGraphType<NonNullGraphType<CustomerType>>>("customers")
            .Description("The customers of the reseller the caller acts for, by legal name. Needs the scope customers:read; null with an error when the caller may not see them.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"How many, 1 to {MaxPage}.")
            .RequireScope(StoreScopes.CustomersRead)
            .RequireReseller()
            .ResolveAsync(async ctx =>
            {
                var first = ctx.GetArgument<int>("first");
                if (first is < 1 or > MaxPage)
                {
                    throw new ExecutionError($"first must be between 1 and {MaxPage}.") { Code = "BAD_USER_INPUT" };
                }

                var reseller = ctx.Caller().ResellerId;
                var db = ctx.RequestServices!.GetRequiredService<StoreDb>();
                return await db.Customers.AsNoTracking()
                    .Where(c => c.ResellerId == reseller)
                    .OrderBy(c => c.LegalName)
                    .Take(first)
                    .ToListAsync(ctx.CancellationToken);
            });
    }
}
