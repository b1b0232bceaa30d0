using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.DataLoading;
using Store.Api.Relay;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;

namespace Store.Api.Subscriptions;

public sealed class SubscriptionType : ObjectGraphType<Subscription>
{
    public const string TypeName = "Subscription";

    public SubscriptionType()
    {
        Name = "ProductSubscription";
        Description = "A product a customer subscribes to, priced by the catalog version its contract was signed under.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Subscription;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("productCode").Resolve(ctx => ctx.Source.ProductCode);
        Field<NonNullGraphType<EnumerationGraphType<ProductKind>>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<EnumerationGraphType<PricePeriod>>>("billingPeriod").Resolve(ctx => ctx.Source.Period);
        Field<NonNullGraphType<IntGraphType>>("quantity")
            .Description("Users or licences in force today.")
            .Resolve(ctx => QuantityChangesOf(ctx).Load(ctx.Source.Id)
                .Then(changes => Subscription.QuantityOn(ctx.Source.Quantity, changes ?? [], LocalTime.Today(ctx.RequestServices!.GetRequiredService<TimeProvider>()))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuantityChangeType>>>>("quantityChanges")
            .Description("Changes of quantity, past and planned, in the order they take effect.")
            .Resolve(ctx => QuantityChangesOf(ctx).Load(ctx.Source.Id));
        Field<NonNullGraphType<DateOnlyGraphType>>("startsOn").Resolve(ctx => ctx.Source.StartsOn);
        Field<DateOnlyGraphType>("endsOn").Resolve(ctx => ctx.Source.EndsOn);
        Field<NonNullGraphType<StringGraphType>>("catalogVersion").Resolve(ctx => ctx.Source.CatalogVersion);
        Field<DecimalGraphType>("terminationFee").Description("The fee of its cancellation, excluding VAT, once cancelled.").Resolve(ctx => ctx.Source.TerminationFee);
        Field<NonNullGraphType<DecimalGraphType>>("unitPrice").Description("Per unit and period, excluding VAT, from the signed catalog version.")
            .Resolve(ctx => ctx.Source.UnitPrice(ctx.RequestServices!.GetRequiredService<CatalogRegistry>().Get(ctx.Source.CatalogVersion)).Amount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubscriptionOptionType>>>>("options")
            .Description("The option rows, one per quantity over time: an option reduced next month shows the row ending this month and the row starting next month.")
            .Resolve(ctx => OptionsOf(ctx).Load(ctx.Source.Id));
    }

    /// <summary>Fetches subscriptions by id for node / nodes; the query filters leave out those the caller may not see.</summary>
    public static readonly NodeLoader Loader = new(TypeName, async (services, ids, cancellationToken) =>
        await services.GetRequiredService<StoreDb>().Subscriptions.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => (object)s, cancellationToken));

    /// <summary>A subscription read whole, with its options and quantity changes, to be changed.</summary>
    public static IQueryable<Subscription> Whole(IQueryable<Subscription> subscriptions) =>
        subscriptions.Include(s => s.Options).Include(s => s.QuantityChanges).AsSplitQuery();

    // Lists read options and quantity changes as flat batched queries: EF's shaper for included collections builds
    // delegates per row, several times slower than three plain queries (measured with bench/Api).
    private static BatchLoader<Guid, List<QuantityChange>> QuantityChangesOf(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetRequiredService<DataLoaders>().Get<Guid, List<QuantityChange>>("quantity-changes-by-subscription", async (ids, cancellationToken) =>
        {
            var changes = await ctx.RequestServices!.GetRequiredService<StoreDb>().QuantityChanges.AsNoTracking()
                .Where(c => ids.Contains(c.SubscriptionId) && !c.Withdrawn)
                .ToListAsync(cancellationToken);
            return changes.GroupBy(c => c.SubscriptionId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.EffectiveOn).ThenBy(c => c.RequestedAt).ToList());
        }, () => []);

    private static BatchLoader<Guid, List<SubscriptionOption>> OptionsOf(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetRequiredService<DataLoaders>().Get<Guid, List<SubscriptionOption>>("options-by-subscription", async (ids, cancellationToken) =>
        {
            var options = await ctx.RequestServices!.GetRequiredService<StoreDb>().SubscriptionOptions.AsNoTracking()
                .Where(o => ids.Contains(o.SubscriptionId))
                .ToListAsync(cancellationToken);
            return options.GroupBy(o => o.SubscriptionId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.OptionCode).ThenBy(o => o.StartsOn).ToList());
        }, () => []);

    /// <summary>A customer's subscriptions, all customers of a page in one query.</summary>
    public static BatchLoader<Guid, List<Subscription>> OfCustomers(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetRequiredService<DataLoaders>().Get<Guid, List<Subscription>>("subscriptions-by-customer", async (ids, cancellationToken) =>
        {
            var db = ctx.RequestServices!.GetRequiredService<StoreDb>();

            var rows = await (from s in db.Subscriptions.AsNoTracking()
                              join c in db.Contracts.AsNoTracking() on s.ContractId equals c.Id
                              where ids.Contains(c.CustomerId)
                              orderby s.StartsOn
                              select new { c.CustomerId, Subscription = s }).ToListAsync(cancellationToken);
            return rows.GroupBy(r => r.CustomerId).ToDictionary(g => g.Key, g => g.Select(r => r.Subscription).ToList());
        }, () => []);
}

public sealed class SubscriptionOptionType : ObjectGraphType<SubscriptionOption>
{
    public SubscriptionOptionType()
    {
        Name = "SubscriptionOption";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.OptionCode);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(ctx => ctx.Source.Quantity);
        Field<NonNullGraphType<DateOnlyGraphType>>("startsOn").Resolve(ctx => ctx.Source.StartsOn);
        Field<DateOnlyGraphType>("endsOn").Resolve(ctx => ctx.Source.EndsOn);
    }
}

public sealed class QuantityChangeType : ObjectGraphType<QuantityChange>
{
    public QuantityChangeType()
    {
        Name = "QuantityChange";
        Field<NonNullGraphType<DateOnlyGraphType>>("effectiveOn").Resolve(ctx => ctx.Source.EffectiveOn);
        Field<NonNullGraphType<IntGraphType>>("fromQuantity").Resolve(ctx => ctx.Source.FromQuantity);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(ctx => ctx.Source.Quantity);
        Field<NonNullGraphType<DecimalGraphType>>("fee").Description("A one-off fee, excluding VAT.").Resolve(ctx => ctx.Source.Fee);
        Field<NonNullGraphType<StringGraphType>>("rule").Resolve(ctx => ctx.Source.Rule);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("requestedAt").Resolve(ctx => ctx.Source.RequestedAt);
    }
}
