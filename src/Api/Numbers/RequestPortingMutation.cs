using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Customers;
using Store.Api.Relay;
using Store.Api.Schema;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Numbers;
using Store.Domain.Persistence;

namespace Store.Api.Numbers;

/// <summary>requestPorting: asks to port a customer's existing number in, on a date at least 14 working days away.</summary>
public static class RequestPortingMutation
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RequestPortingPayloadType>>("requestPorting")
            .Description("Asks to port an existing number in from another operator. Needs customers:write.")
            .Argument<NonNullGraphType<RequestPortingInputType>>("input")
            .RequireScope(StoreScopes.CustomersWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var db = ctx.RequestServices!.GetRequiredService<StoreDb>();
                var customer = GlobalId.Decode(input["customerId"] as string) is { TypeName: CustomerType.TypeName } id
                    ? await db.Customers.SingleOrDefaultAsync(c => c.Id == id.Id, ctx.CancellationToken)
                    : null;
                if (customer is null)
                {
                    return new Payload<TelephoneNumber>(null, [new Problem("customerId", "No customer with this id is yours.", "NOT_FOUND")]);
                }

                var clock = ctx.RequestServices!.GetRequiredService<TimeProvider>();
                var outcome = TelephoneNumber.RequestPorting(
                    customer.Id,
                    (string)input["number"]!,
                    customer.Market == Market.CH ? "CH" : "FR",
                    (DateOnly)input["portingDate"]!,
                    input.GetValueOrDefault("currentOperator") as string,
                    LocalTime.Today(clock, customer.TimeZone),
                    clock.GetUtcNow());
                if (outcome.Value is { } number)
                {
                    if (await db.Numbers.IgnoreQueryFilters().AnyAsync(n => n.E164 == number.E164, ctx.CancellationToken))
                    {
                        return new Payload<TelephoneNumber>(null, [new Problem("number", "This number is already with Store.", "NUMBER_TAKEN")]);
                    }

                    db.Numbers.Add(number);
                    await db.SaveChangesAsync(ctx.CancellationToken);
                }

                return Payload<TelephoneNumber>.From(outcome);
            });
    }
}

public sealed class RequestPortingInputType : InputObjectGraphType
{
    public RequestPortingInputType()
    {
        Name = "RequestPortingInput";
        Field<NonNullGraphType<IdGraphType>>("customerId");
        Field<NonNullGraphType<StringGraphType>>("number").Description("The number to port, national or international form.");
        Field<NonNullGraphType<DateOnlyGraphType>>("portingDate").Description("At least 14 working days (Monday to Saturday, public holidays excluded) after today.");
        Field<StringGraphType>("currentOperator");
    }
}

public sealed class RequestPortingPayloadType : ObjectGraphType<Payload<TelephoneNumber>>
{
    public RequestPortingPayloadType()
    {
        Name = "RequestPortingPayload";
        Field<TelephoneNumberType>("number").Resolve(ctx => ctx.Source.Entity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}
