using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Store.Api.Tests.Identity;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Billing.Statements;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Api.Tests.Billing;

public sealed class StatementsQueryTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task A_holders_statement_shows_its_share_and_payout_date_and_its_PDF_link_opens_without_credentials()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur Décomptes", "Hotline – titulaire");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var customer = await db.Customers.SingleAsync(c => c.ResellerId == reseller.Id);
            var march = new BillingPeriod(2026, 3);
            var draft = SmartNumberStatements.Build(customer.Id, march, [
                new StatementCharge(Guid.NewGuid(), "+41900123456", PayoutKind.PayFast, 0, true, 120, 5.00m, 3.50m, Currency.CHF),
                new StatementCharge(Guid.NewGuid(), "+41900123456", PayoutKind.PayFast, 0, true, 60, 2.50m, 1.75m, Currency.CHF),
            ])!;
            var seller = scope.ServiceProvider.GetRequiredService<IOptions<BillingOptions>>().Value.SellerFor(Market.CH);
            db.Statements.Add(Statement.Issue(draft, "DC-2026-900001", LegalDetails.Of(customer), seller, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead, StoreScopes.BillingRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);
        var (_, body) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 1) { nodes { statements { number period calls callerRevenue holderShare payoutOn currency pdfUrl lines { number calls } } } } }");
        var statement = body["data"]!["customers"]!["nodes"]![0]!["statements"]![0]!;
        Assert.Equal(("DC-2026-900001", "2026-03", 2, 7.50m, 5.25m, "CHF"), ((string)statement["number"]!, (string)statement["period"]!, (int)statement["calls"]!, (decimal)statement["callerRevenue"]!, (decimal)statement["holderShare"]!, (string)statement["currency"]!));
        Assert.Equal("2026-04-07", (string?)statement["payoutOn"]); // PayFast: 5 working days after 31 March, Easter Monday (6 April) skipped

        var pdf = await factory.CreateClient().GetAsync(new Uri((string)statement["pdfUrl"]!).PathAndQuery);
        Assert.Equal(("application/pdf", HttpStatusCode.OK), (pdf.Content.Headers.ContentType?.MediaType, pdf.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(new Uri((string)statement["pdfUrl"]!).AbsolutePath)).StatusCode);

        var readOnly = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead);
        var (_, refused) = await http.PostGraphQLWithTokenAsync(await http.TokenAsync(readOnly.Client.ClientId, readOnly.Secret), "{ customers(first: 1) { nodes { statements { number } } } }");
        Assert.Equal("FORBIDDEN", (string?)refused["errors"]![0]!["extensions"]!["code"]);
    }
}
