using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Relay;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Api.Customers;

/// <summary>The customers the caller may see: a reseller's own, through the tenant-filtered database.</summary>
public static class CustomersQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        var field = query.Field<ConnectionType<CustomerType, Customer>>("customers")
            .Description("The customers of the reseller the caller acts for, by legal name. Needs the scope customers:read; null with an error when the caller may not see them.")
            .RequireScope(StoreScopes.CustomersRead)
            .RequireReseller()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var db = ctx.RequestServices!.GetRequiredService<StoreDb>();
                return await Paging.PageAsync(db.Customers.AsNoTracking(), c => c.LegalName + "|" + c.Id.ToString(), page, ctx.CancellationToken);
            });
        PageRequest.AddArguments(field.FieldType);
    }

    /// <summary>Fetches customers by id for node / nodes; the query filters leave out those the caller may not see.</summary>
    public static readonly NodeLoader Loader = new(CustomerType.TypeName, async (services, ids, cancellationToken) =>
        await services.GetRequiredService<StoreDb>().Customers.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (object)c, cancellationToken));
}
