using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Schema;
using Store.Api.Viewer;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;

namespace Store.Api.Customers;

/// <summary>createCustomer: a reseller opens an account for a new customer of its own.</summary>
public static class CreateCustomerMutation
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateCustomerPayloadType>>("createCustomer")
            .Description("Opens a customer account for the reseller the caller acts for. Needs customers:write.")
            .Argument<NonNullGraphType<CreateCustomerInputType>>("input")
            .RequireScope(StoreScopes.CustomersWrite)
            .RequireReseller()
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var address = (Dictionary<string, object?>)input["billingAddress"]!;
                var command = new CreateCustomerCommand(
                    (string)input["legalName"]!,
                    (Market)input["market"]!,
                    input.GetValueOrDefault("companyNumber") as string,
                    input.GetValueOrDefault("vatNumber") as string,
                    (string)input["billingEmail"]!,
                    new Address((string)address["line1"]!, address.GetValueOrDefault("line2") as string, (string)address["postalCode"]!, (string)address["city"]!, (string)address["country"]!),
                    ctx.Caller().ResellerId);
                var outcome = await ctx.RequestServices!.GetRequiredService<CreateCustomer>().RunAsync(command, ctx.CancellationToken);
                return Payload<Customer>.From(outcome);
            });
    }
}

public sealed class CreateCustomerInputType : InputObjectGraphType
{
    public CreateCustomerInputType()
    {
        Name = "CreateCustomerInput";
        Field<NonNullGraphType<StringGraphType>>("legalName");
        Field<NonNullGraphType<EnumerationGraphType<Market>>>("market").Description("FR (EUR, French VAT) or CH (CHF, Swiss VAT).");
        Field<StringGraphType>("companyNumber").Description("SIREN for a French company, UID (CHE-123.456.789) for a Swiss one; check digits are verified.");
        Field<StringGraphType>("vatNumber").Description("Intra-community or Swiss VAT number; check digits are verified.");
        Field<NonNullGraphType<StringGraphType>>("billingEmail");
        Field<NonNullGraphType<AddressInputType>>("billingAddress");
    }
}

public sealed class AddressInputType : InputObjectGraphType
{
    public AddressInputType()
    {
        Name = "AddressInput";
        Field<NonNullGraphType<StringGraphType>>("line1");
        Field<StringGraphType>("line2");
        Field<NonNullGraphType<StringGraphType>>("postalCode");
        Field<NonNullGraphType<StringGraphType>>("city");
        Field<NonNullGraphType<StringGraphType>>("country").Description("ISO 3166 alpha-2, such as FR or CH.");
    }
}

public sealed class CreateCustomerPayloadType : ObjectGraphType<Payload<Customer>>
{
    public CreateCustomerPayloadType()
    {
        Name = "CreateCustomerPayload";
        Field<CustomerType>("customer").Description("The new customer; null when there are user errors.").Resolve(ctx => ctx.Source.Entity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}
