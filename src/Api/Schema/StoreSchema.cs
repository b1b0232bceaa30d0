using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Store.Api.Schema;

/// <summary>Store's GraphQL schema. Each business area adds its fields to the root types (see Catalog/CatalogQueries).</summary>
public sealed class StoreSchema : GraphQL.Types.Schema
{
    public StoreSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<QueryType>();
        Mutation = services.GetRequiredService<MutationType>();
        Subscription = services.GetRequiredService<SubscriptionRootType>();
        RegisterType(typeof(Customers.CustomerType));
        RegisterType(typeof(Subscriptions.SubscriptionType));
        RegisterType(typeof(Numbers.TelephoneNumberType));
        RegisterType(typeof(Billing.InvoiceType));
        RegisterType(typeof(Subscriptions.ContractType));

        // Introspection (GraphiQL, code generators) counts at a tenth: it reads the schema, not the business data.
        this.WithIntrospectionComplexityImpact(0.1);
    }
}

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Catalog.CatalogQueries.AddTo(this);
        Viewer.ViewerQueries.AddTo(this);
        Customers.CustomersQueries.AddTo(this);
        Relay.NodeQueries.AddTo(this);
        Subscriptions.CancelSubscription.AddQueries(this);
        Subscriptions.ChangeSubscription.AddQueries(this);
    }
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Customers.CreateCustomerMutation.AddTo(this);
        Subscriptions.SubscribeMutation.AddTo(this);
        Subscriptions.CancelSubscription.AddMutations(this);
        Subscriptions.ChangeSubscription.AddMutations(this);
        Numbers.RequestPortingMutation.AddTo(this);
        Numbers.RoutingMutations.AddTo(this);
        Calls.IngestCallRecordsMutation.AddTo(this);
        Live.IngestCallEventsMutation.AddTo(this);
    }
}

/// <summary>The subscription root (named so beside Subscriptions.SubscriptionType, the product subscriptions).</summary>
public sealed class SubscriptionRootType : ObjectGraphType
{
    public SubscriptionRootType()
    {
        Name = "Subscription";
        Live.LiveSubscriptions.AddTo(this);
    }
}
