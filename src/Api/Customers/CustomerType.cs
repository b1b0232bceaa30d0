using GraphQL.Types;
using Store.Api.Relay;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Customers;

namespace Store.Api.Customers;

public sealed class CustomerType : ObjectGraphType<Customer>
{
    public const string TypeName = "Customer";

    public CustomerType()
    {
        Name = TypeName;
        Description = "A business that buys Store's offers, directly or through a reseller.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Customer;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("legalName").Resolve(ctx => ctx.Source.LegalName);
        Field<NonNullGraphType<EnumerationGraphType<Market>>>("market").Description("FR or CH: the currency, VAT and billing time zone follow.").Resolve(ctx => ctx.Source.Market);
        Field<NonNullGraphType<EnumerationGraphType<Currency>>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<StringGraphType>("companyNumber").Description("French SIREN or Swiss UID.").Resolve(ctx => ctx.Source.CompanyNumber);
        Field<StringGraphType>("vatNumber").Resolve(ctx => ctx.Source.VatNumber);
        Field<NonNullGraphType<StringGraphType>>("billingEmail").Resolve(ctx => ctx.Source.BillingEmail);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Subscriptions.ContractType>>>>("contracts")
            .Description("The customer's signed contracts, oldest first.")
            .Resolve(ctx => Subscriptions.ContractType.OfCustomers(ctx).Load(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Subscriptions.SubscriptionType>>>>("subscriptions")
            .Description("What the customer subscribes to, with options.")
            .Resolve(ctx => Subscriptions.SubscriptionType.OfCustomers(ctx).Load(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Numbers.TelephoneNumberType>>>>("numbers")
            .Description("The numbers the customer holds or is porting in.")
            .Resolve(ctx => Numbers.TelephoneNumberType.OfCustomers(ctx).Load(ctx.Source.Id));
        Calls.CallType.AddTo(this);
        Billing.InvoicesQueries.AddTo(this);
        Billing.StatementType.AddTo(this);
    }
}
