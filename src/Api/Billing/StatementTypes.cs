using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Domain.Billing.Statements;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Api.Billing;

/// <summary>A Smart Number holder's monthly statement (décompte, 001): traffic, revenue, the holder's share and its payout date.</summary>
public sealed class StatementType : ObjectGraphType<Statement>
{
    public StatementType()
    {
        Name = "Statement";
        Description = "A Smart Number holder's monthly statement: traffic by number and tariff, what callers paid, the holder's share and when it is paid out.";
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(ctx => ctx.Source.Number);
        Field<NonNullGraphType<StringGraphType>>("period").Description("yyyy-MM.").Resolve(ctx => ctx.Source.Period);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").Resolve(ctx => ctx.Source.IssuedAt);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency.ToString());
        Field<NonNullGraphType<IntGraphType>>("calls").Resolve(ctx => ctx.Source.Calls);
        Field<NonNullGraphType<IntGraphType>>("seconds").Resolve(ctx => ctx.Source.Seconds);
        Field<NonNullGraphType<DecimalGraphType>>("callerRevenue").Description("What callers paid, excluding VAT.").Resolve(ctx => ctx.Source.CallerRevenue);
        Field<NonNullGraphType<DecimalGraphType>>("holderShare").Description("The holder's share, paid out.").Resolve(ctx => ctx.Source.HolderShare);
        Field<NonNullGraphType<DateOnlyGraphType>>("payoutOn").Description("At the latest, by the payout formula (Standard: 6 weeks; PayFast: 5 working days).").Resolve(ctx => ctx.Source.PayoutOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementLineType>>>>("lines").Resolve(ctx => ctx.Source.Lines);
        Field<NonNullGraphType<StringGraphType>>("pdfUrl")
            .Description($"A link to the statement's PDF, valid {InvoicePdfLinks.LifetimeMinutes} minutes, that needs no credentials.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<InvoicePdfLinks>().ForStatement(ctx.Source.Id));
    }

    /// <summary>customer.statements: the holder's statements, latest first.</summary>
    public static void AddTo(ObjectGraphType<Domain.Customers.Customer> customer) =>
        customer.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementType>>>>("statements")
            .Description("Smart Number statements, latest first. Needs billing:read.")
            .RequireScope(StoreScopes.BillingRead)
            .ResolveAsync(async ctx => (object?)await ctx.RequestServices!.GetRequiredService<StoreDb>().Statements.AsNoTracking().Include(s => s.Lines)
                .Where(s => s.CustomerId == ctx.Source.Id).OrderByDescending(s => s.Period).Take(36).ToListAsync(ctx.CancellationToken));

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/billing/statements/{id:guid}.pdf", async (Guid id, string? token, InvoicePdfLinks links, StoreDb db, CancellationToken cancellationToken) =>
        {
            if (!links.AllowsStatement(id, token))
            {
                return Results.NotFound();
            }

            var statement = await db.Statements.AsNoTracking().Include(s => s.Lines).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            return statement is null ? Results.NotFound() : Results.File(StatementPdf.Render(statement), "application/pdf", $"{statement.Number}.pdf");
        });
}

public sealed class StatementLineType : ObjectGraphType<StatementLine>
{
    public StatementLineType()
    {
        Name = "StatementLine";
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(ctx => ctx.Source.Number);
        Field<NonNullGraphType<IntGraphType>>("tariff").Resolve(ctx => ctx.Source.Tariff);
        Field<NonNullGraphType<EnumerationGraphType<PayoutKind>>>("payout").Resolve(ctx => ctx.Source.Payout);
        Field<NonNullGraphType<IntGraphType>>("calls").Resolve(ctx => ctx.Source.Calls);
        Field<NonNullGraphType<IntGraphType>>("seconds").Resolve(ctx => ctx.Source.Seconds);
        Field<NonNullGraphType<DecimalGraphType>>("callerRevenue").Resolve(ctx => ctx.Source.CallerRevenue);
        Field<NonNullGraphType<DecimalGraphType>>("holderShare").Resolve(ctx => ctx.Source.HolderShare);
        Field<NonNullGraphType<DateOnlyGraphType>>("payoutOn").Resolve(ctx => ctx.Source.PayoutOn);
    }
}
