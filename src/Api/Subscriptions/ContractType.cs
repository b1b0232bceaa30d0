using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.DataLoading;
using Store.Api.Relay;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;

namespace Store.Api.Subscriptions;

public sealed class ContractType : ObjectGraphType<Contract>
{
    public const string TypeName = "Contract";

    public ContractType()
    {
        Name = TypeName;
        Description = "A customer's signed agreement: its number, state, the catalog version that prices it, and who accepted which conditions, when and from where.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Contract;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(ctx => ctx.Source.Number);
        Field<NonNullGraphType<EnumerationGraphType<ContractStatus>>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("signedAt").Resolve(ctx => ctx.Source.SignedAt);
        Field<NonNullGraphType<StringGraphType>>("catalogVersion").Resolve(ctx => ctx.Source.CatalogVersion);
        Field<NonNullGraphType<StringGraphType>>("acceptedBy").Resolve(ctx => ctx.Source.Acceptance.AcceptedBy);
        Field<NonNullGraphType<StringGraphType>>("conditionVersions").Description("The versions of the conditions accepted.").Resolve(ctx => ctx.Source.Acceptance.ConditionVersions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubscriptionType>>>>("subscriptions")
            .Resolve(ctx => SubscriptionType.OfCustomers(ctx).Load(ctx.Source.CustomerId).Then(all => (all ?? []).Where(s => s.ContractId == ctx.Source.Id).ToList()));
    }

    /// <summary>Fetches contracts by id for node / nodes; the query filters leave out those the caller may not see.</summary>
    public static readonly NodeLoader Loader = new(TypeName, async (services, ids, cancellationToken) =>
        await services.GetRequiredService<StoreDb>().Contracts.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (object)c, cancellationToken));

    /// <summary>A customer's contracts, all customers of a page in one query.</summary>
    public static BatchLoader<Guid, List<Contract>> OfCustomers(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetRequiredService<DataLoaders>().Get<Guid, List<Contract>>("contracts-by-customer", async (ids, cancellationToken) =>
        {
            var contracts = await ctx.RequestServices!.GetRequiredService<StoreDb>().Contracts.AsNoTracking()
                .Where(c => ids.Contains(c.CustomerId))
                .ToListAsync(cancellationToken);
            return contracts.GroupBy(c => c.CustomerId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.SignedAt).ToList());
        }, () => []);
}
