using GraphQL;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Store.Api.Authorization;
using Store.Api.Live;
using Store.Api.Safety;
using Store.Api.Schema;
using Store.Api.Tenancy;
using Store.Api.Transport;

namespace Store.Api;

public static class Extensions
{
    /// <summary>Registers the GraphQL schema, its transport and the validation of access tokens.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GraphQLHttpOptions>().BindConfiguration("Store:Api:Http");
        builder.Services.AddOptions<GraphQLWebSocketOptions>().BindConfiguration("Store:Api:WebSocket");
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<StoreSchema>()
            .AddGraphTypes(typeof(StoreSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All))
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = builder.Environment.IsDevelopment())
            .AddSchemaVisitor<AccessCheckVisitor>()
            .AddCostLimits(builder.Services)
            .AddTenantScoping()

            // Resolvers share the request's DbContext, which takes one query at a time; batch loaders keep that cheap.
            .AddExecutionStrategy<GraphQL.Execution.SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query));
        builder.Services.AddSingleton(Customers.CustomersQueries.Loader);
        builder.Services.AddSingleton(Subscriptions.SubscriptionType.Loader);
        builder.Services.AddSingleton(Numbers.TelephoneNumberType.Loader);
        builder.Services.AddSingleton(Billing.InvoiceType.Loader);
        builder.Services.AddSingleton(Subscriptions.ContractType.Loader);
        builder.Services.AddSingleton<Billing.InvoicePdfLinks>();
        builder.Services.AddScoped<DataLoading.DataLoaders>();
        builder.Services.AddHttpContextAccessor();
        builder.AddTokenValidation();
        builder.Services.AddSingleton<IGraphQLWebSocketAuthenticator, WebSocketAuthentication>();
        builder.AddLiveStatistics();
        return builder;
    }

    /// <summary>Serves GraphQL at /graphql.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGraphQLHttp("/graphql");
        Calls.CallEndpoints.MapCallIngestion(endpoints);
        Billing.InvoicePdfLinks.Map(endpoints);
        Billing.StatementType.Map(endpoints);
        endpoints.MapLiveStatistics();
        return endpoints;
    }
}
