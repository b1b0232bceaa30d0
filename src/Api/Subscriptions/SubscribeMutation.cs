using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Customers;
using Store.Api.Relay;
using Store.Api.Schema;
using Store.Api.Viewer;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Subscriptions;

namespace Store.Api.Subscriptions;

/// <summary>subscribe: orders a product of the catalog in force for one of the caller's customers.</summary>
public static class SubscribeMutation
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SubscribePayloadType>>("subscribe")
            .Description("Signs a contract under the catalog in force today and starts the subscription with its options. Needs customers:write.")
            .Argument<NonNullGraphType<SubscribeInputType>>("input")
            .RequireScope(StoreScopes.CustomersWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var customer = GlobalId.Decode(input["customerId"] as string);
                if (customer is not { TypeName: CustomerType.TypeName } id)
                {
                    return new Payload<Subscription>(null, [new Problem("customerId", "This is not a customer id.", "NOT_FOUND")]);
                }

                var options = (input.GetValueOrDefault("options") as IEnumerable<object?> ?? [])
                    .Cast<Dictionary<string, object?>>()
                    .Select(o => new OptionOrder((string)o["code"]!, (int)(o.GetValueOrDefault("quantity") ?? 1)))
                    .ToList();
                var caller = ctx.Caller();
                var http = ctx.RequestServices!.GetRequiredService<IHttpContextAccessor>().HttpContext;
                var acceptance = new ConditionsAcceptance(
                    caller.ClientId is { } client ? "api-client:" + client : "user:" + caller.UserId,
                    ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow(),
                    http?.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    "api");
                var command = new SubscribeCommand(id.Id, (string)input["productCode"]!, (PricePeriod)input["billingPeriod"]!, (int)input["quantity"]!, options, (DateOnly)input["startsOn"]!, acceptance);
                return Payload<Subscription>.From(await ctx.RequestServices!.GetRequiredService<SubscribeCustomer>().RunAsync(command, ctx.CancellationToken));
            });
    }
}

public sealed class SubscribeInputType : InputObjectGraphType
{
    public SubscribeInputType()
    {
        Name = "SubscribeInput";
        Field<NonNullGraphType<IdGraphType>>("customerId");
        Field<NonNullGraphType<StringGraphType>>("productCode").Description("A plan, a Smart Number type or a Contact Experience service of the catalog in force, such as forfait-pro.");
        Field<NonNullGraphType<EnumerationGraphType<PricePeriod>>>("billingPeriod");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("User licences for a plan.");
        Field<ListGraphType<NonNullGraphType<OptionOrderInputType>>>("options");
        Field<NonNullGraphType<DateOnlyGraphType>>("startsOn");
    }
}

public sealed class OptionOrderInputType : InputObjectGraphType
{
    public OptionOrderInputType()
    {
        Name = "OptionOrderInput";
        Field<NonNullGraphType<StringGraphType>>("code");
        Field<IntGraphType>("quantity").Description("1 when omitted.");
    }
}

public sealed class SubscribePayloadType : ObjectGraphType<Payload<Subscription>>
{
    public SubscribePayloadType()
    {
        Name = "SubscribePayload";
        Field<SubscriptionType>("subscription").Resolve(ctx => ctx.Source.Entity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}
