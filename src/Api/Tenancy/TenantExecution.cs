using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Viewer;
using Store.Domain.Identity;
using Store.Domain.Tenancy;

namespace Store.Api.Tenancy;

/// <summary>
/// Before any resolver runs, narrows the request's <see cref="TenantScope"/> to what its caller may see: a reseller's
/// client or staff their customers, a person their own accounts, the back office everything, an anonymous caller
/// nothing. The database's query filters do the rest, so no resolver checks ownership by hand.
/// </summary>
public static class TenantExecution
{
    public static IGraphQLBuilder AddTenantScoping(this IGraphQLBuilder graphql) =>
        graphql.ConfigureExecution(async (options, next) =>
        {
            var caller = (options.UserContext as CallerContext)?.Caller ?? Caller.Anonymous;
            Apply(options.RequestServices!.GetRequiredService<TenantScope>(), caller);
            return await next(options);
        });

    public static void Apply(TenantScope tenant, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind == CallerKind.Person && caller.Principal.HasClaim(StoreClaims.BackOffice, "true"))
        {
            return;
        }

        if (caller.Kind == CallerKind.Anonymous)
        {
            tenant.RestrictToNothing();
            return;
        }

        var customers = caller.Kind == CallerKind.Person
            ? caller.Principal.FindAll(StoreClaims.CustomerId).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)
            : [];
        tenant.Restrict(caller.ResellerId, customers);
    }
}
