using GraphQL.Types;
using Store.Domain.Customers;

namespace Store.Api.Customers;

public sealed class CustomerType : ObjectGraphType<Customer>
{
    public CustomerType()
    {
        Name = "Customer";
        Description = "A business that buys Store's offers.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("legalName").Resolve(ctx => ctx.Source.LegalName);
    }
}
