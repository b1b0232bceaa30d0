using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Relay;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Payments;
using Store.Domain.Persistence;

namespace Store.Api.Billing;

/// <summary>A customer's invoices, by number, filtered by status and period; the tenant filters keep others' out.</summary>
public static class InvoicesQueries
{
    public static void AddTo(ObjectGraphType<Customer> customer)
    {
        var field = customer.Field<ConnectionType<InvoiceType, Invoice>>("invoices")
            .Description("The customer's invoices, oldest number first. Needs the scope billing:read.")
            .RequireScope(StoreScopes.BillingRead)
            .Argument<EnumerationGraphType<ReceivableStatus>>("status", "Only the invoices in this status today.")
            .Argument<StringGraphType>("period", "Only the invoice of this month, \"2026-04\".")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var db = ctx.RequestServices!.GetRequiredService<StoreDb>();
                var customerId = ctx.Source.Id;
                var invoices = db.Invoices.AsNoTracking().Where(i => i.CustomerId == customerId);
                if (ctx.GetArgument<string?>("period") is { } period)
                {
                    invoices = invoices.Where(i => i.Period == period);
                }

                if (ctx.GetArgument<ReceivableStatus?>("status") is { } status)
                {
                    var today = LocalTime.Today(ctx.RequestServices!.GetRequiredService<TimeProvider>(), ctx.Source.TimeZone);
                    var receivables = db.Receivables.AsNoTracking();
                    var payments = db.Payments.AsNoTracking();
                    invoices = status switch
                    {
                        ReceivableStatus.Paid => invoices.Where(i => receivables.Any(r => r.InvoiceId == i.Id && r.SettledOn != null)),
                        ReceivableStatus.Overdue => invoices.Where(i => receivables.Any(r => r.InvoiceId == i.Id && r.SettledOn == null && r.DueOn < today)),
                        ReceivableStatus.PartiallyPaid => invoices.Where(i => receivables.Any(r => r.InvoiceId == i.Id && r.SettledOn == null && r.DueOn >= today) && payments.Any(p => p.InvoiceId == i.Id)),
                        _ => invoices.Where(i => receivables.Any(r => r.InvoiceId == i.Id && r.SettledOn == null && r.DueOn >= today) && !payments.Any(p => p.InvoiceId == i.Id)),
                    };
                }

                return await Paging.PageAsync(invoices, i => i.Number, page, ctx.CancellationToken);
            });
        PageRequest.AddArguments(field.FieldType);
    }
}
