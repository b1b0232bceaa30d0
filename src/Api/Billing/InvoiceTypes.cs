using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.DataLoading;
using Store.Api.Relay;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Payments;
using Store.Domain.Persistence;

namespace Store.Api.Billing;

public sealed class InvoiceType : ObjectGraphType<Invoice>
{
    public const string TypeName = "Invoice";

    public InvoiceType()
    {
        Name = TypeName;
        Description = "An issued invoice: numbered, frozen; its payments and status move beside it.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Invoice;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("number").Description("\"F-2026-000042\": series, year, sequence without gaps.").Resolve(ctx => ctx.Source.Number);
        Field<NonNullGraphType<StringGraphType>>("period").Description("The month billed in advance, \"2026-04\"; usage is of the month before.").Resolve(ctx => ctx.Source.Period);
        Field<NonNullGraphType<DateOnlyGraphType>>("issuedOn").Resolve(ctx => ctx.Source.IssuedOn);
        Field<NonNullGraphType<DateOnlyGraphType>>("dueOn").Resolve(ctx => ctx.Source.DueOn);
        Field<NonNullGraphType<EnumerationGraphType<Currency>>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<DecimalGraphType>>("totalExcludingVat").Resolve(ctx => ctx.Source.TotalExcludingVat);
        Field<NonNullGraphType<DecimalGraphType>>("totalVat").Resolve(ctx => ctx.Source.TotalVat);
        Field<NonNullGraphType<DecimalGraphType>>("totalIncludingVat").Resolve(ctx => ctx.Source.TotalIncludingVat);
        Field<StringGraphType>("vatMention").Description("The reverse-charge mention, when the VAT is reverse-charged.").Resolve(ctx => ctx.Source.VatMention);
        Field<NonNullGraphType<StringGraphType>>("paymentReference")
            .Description("The ISO 11649 creditor reference to quote with a bank transfer, in groups of four.")
            .Resolve(ctx => CreditorReference.Display(CreditorReference.For(ctx.Source.Number)));
        Field<NonNullGraphType<EnumerationGraphType<ReceivableStatus>>>("status")
            .Description("OPEN, PARTIALLY_PAID, PAID (by payments or credit notes) or OVERDUE, today.")
            .Resolve(ctx => Receivables(ctx).Load(ctx.Source.Id).Then(r => r?.StatusOn(LocalTime.Today(ctx.RequestServices!.GetRequiredService<TimeProvider>(), ctx.Source.Buyer.TimeZone)) ?? ReceivableStatus.Open));
        Field<NonNullGraphType<DecimalGraphType>>("amountDue")
            .Description("What is left to pay, including VAT.")
            .Resolve(ctx => Receivables(ctx).Load(ctx.Source.Id).Then(r => r?.Outstanding ?? ctx.Source.TotalIncludingVat));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvoiceLineType>>>>("lines")
            .Resolve(ctx => Lines(ctx).Load(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaymentType>>>>("payments")
            .Description("Money received for the invoice, oldest first.")
            .Resolve(ctx => Payments(ctx).Load(ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("pdfUrl")
            .Description($"A link to the invoice's PDF that works without credentials for {InvoicePdfLinks.LifetimeMinutes} minutes.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<InvoicePdfLinks>().For(ctx.Source.Id));
    }

    private static BatchLoader<Guid, Receivable?> Receivables(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetRequiredService<DataLoaders>().Get<Guid, Receivable?>("receivable-by-invoice", async (ids, cancellationToken) =>
            await ctx.RequestServices!.GetRequiredService<StoreDb>().Receivables.AsNoTracking()
                .Where(r => ids.Contains(r.InvoiceId))
                .ToDictionaryAsync(r => r.InvoiceId, r => (Receivable?)r, cancellationToken), () => null);

    private static BatchLoader<Guid, List<InvoiceLine>> Lines(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetRequiredService<DataLoaders>().Get<Guid, List<InvoiceLine>>("lines-by-invoice", async (ids, cancellationToken) =>
        {
            var lines = await ctx.RequestServices!.GetRequiredService<StoreDb>().InvoiceLines.AsNoTracking()
                .Where(l => ids.Contains(l.InvoiceId)).OrderBy(l => l.Position).ToListAsync(cancellationToken);
            return lines.GroupBy(l => l.InvoiceId).ToDictionary(g => g.Key, g => g.ToList());
        }, () => []);

    private static BatchLoader<Guid, List<Payment>> Payments(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetRequiredService<DataLoaders>().Get<Guid, List<Payment>>("payments-by-invoice", async (ids, cancellationToken) =>
        {
            var payments = await ctx.RequestServices!.GetRequiredService<StoreDb>().Payments.AsNoTracking()
                .Where(p => ids.Contains(p.InvoiceId)).OrderBy(p => p.ReceivedOn).ThenBy(p => p.RecordedAt).ToListAsync(cancellationToken);
            return payments.GroupBy(p => p.InvoiceId).ToDictionary(g => g.Key, g => g.ToList());
        }, () => []);

    /// <summary>Fetches invoices by id for node / nodes; the query filters leave out those the caller may not see.</summary>
    public static readonly NodeLoader Loader = new(TypeName, async (services, ids, cancellationToken) =>
        await services.GetRequiredService<StoreDb>().Invoices.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (object)i, cancellationToken));
}

public sealed class InvoiceLineType : ObjectGraphType<InvoiceLine>
{
    public InvoiceLineType()
    {
        Name = "InvoiceLine";
        Field<NonNullGraphType<IntGraphType>>("position").Resolve(ctx => ctx.Source.Position);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(ctx => ctx.Source.Description);
        Field<NonNullGraphType<DecimalGraphType>>("quantity").Resolve(ctx => ctx.Source.Quantity);
        Field<DecimalGraphType>("unitPrice").Description("Excluding VAT.").Resolve(ctx => ctx.Source.UnitPrice);
        Field<DateOnlyGraphType>("serviceFrom").Resolve(ctx => ctx.Source.ServiceFrom);
        Field<DateOnlyGraphType>("serviceTo").Resolve(ctx => ctx.Source.ServiceTo);
        Field<NonNullGraphType<DecimalGraphType>>("amount").Description("Excluding VAT, rounded to the cent.").Resolve(ctx => ctx.Source.Amount);
        Field<NonNullGraphType<DecimalGraphType>>("vatRate").Description("0.2 for 20 %.").Resolve(ctx => ctx.Source.VatRate);
    }
}

public sealed class PaymentType : ObjectGraphType<Payment>
{
    public PaymentType()
    {
        Name = "Payment";
        Description = "Money received for an invoice.";
        Field<NonNullGraphType<DecimalGraphType>>("amount").Resolve(ctx => ctx.Source.Amount);
        Field<NonNullGraphType<EnumerationGraphType<Currency>>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<DateOnlyGraphType>>("receivedOn").Resolve(ctx => ctx.Source.ReceivedOn);
        Field<NonNullGraphType<EnumerationGraphType<PaymentMethod>>>("method").Resolve(ctx => ctx.Source.Method);
        Field<StringGraphType>("reference").Description("The reference the payer gave.").Resolve(ctx => ctx.Source.Reference);
    }
}
