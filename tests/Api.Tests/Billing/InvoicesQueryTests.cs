using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Tests.Identity;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Identity;
using Store.Domain.Payments;
using Store.Domain.Persistence;
using Store.Testing;

namespace Store.Api.Tests.Billing;

public sealed class InvoicesQueryTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private const string Query = """
        query($status: ReceivableStatus, $period: String, $after: String) { customers(first: 5) { nodes { legalName
            invoices(first: 1, after: $after, status: $status, period: $period) {
              totalCount pageInfo { hasNextPage endCursor }
              nodes { id number period totalIncludingVat status amountDue paymentReference pdfUrl
                      lines { position description quantity unitPrice amount vatRate }
                      payments { amount currency receivedOn method } } } } } }
        """;

    private async Task<Guid> CustomerIdAsync(string legalName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StoreDb>().Customers.Where(c => c.LegalName == legalName).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task A_reseller_pages_its_customers_invoices_by_status_with_lines_payments_and_a_PDF_link_that_works_alone()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur Factures", "Factures – Cabinet");
        var customerId = await CustomerIdAsync("Factures – Cabinet");
        var april = await TestInvoices.IssueAsync(factory.Services, customerId, new BillingPeriod(2026, 4));
        var may = await TestInvoices.IssueAsync(factory.Services, customerId, new BillingPeriod(2026, 5));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<PaymentBook>();
            await book.RecordAsync(april.Id, Money.Eur(95.76m), new DateOnly(2026, 4, 20), PaymentMethod.BankTransfer, null, "manual:api-test");
        }

        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead, StoreScopes.BillingRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);

        var (_, first) = await http.PostGraphQLWithVariablesAsync(token, Query, new { });
        var invoices = first["data"]!["customers"]!["nodes"]![0]!["invoices"]!;
        Assert.Equal(2, (int)invoices["totalCount"]!);
        Assert.True((bool)invoices["pageInfo"]!["hasNextPage"]!);
        var paid = invoices["nodes"]![0]!;
        Assert.Equal((april.Number, "2026-04", 95.76m, "PAID", 0m), ((string)paid["number"]!, (string)paid["period"]!, (decimal)paid["totalIncludingVat"]!, (string)paid["status"]!, (decimal)paid["amountDue"]!));
        Assert.Equal(CreditorReference.Display(CreditorReference.For(april.Number)), (string)paid["paymentReference"]!);
        var line = paid["lines"]![0]!;
        Assert.Equal((2m, 39.90m, 79.80m, 0.2m), ((decimal)line["quantity"]!, (decimal)line["unitPrice"]!, (decimal)line["amount"]!, (decimal)line["vatRate"]!));
        var payment = paid["payments"]![0]!;
        Assert.Equal((95.76m, "EUR", "2026-04-20", "BANK_TRANSFER"), ((decimal)payment["amount"]!, (string)payment["currency"]!, (string)payment["receivedOn"]!, (string)payment["method"]!));

        // The next page, then the filters.
        var (_, second) = await http.PostGraphQLWithVariablesAsync(token, Query, new { after = (string)invoices["pageInfo"]!["endCursor"]! });
        Assert.Equal(may.Number, (string)second["data"]!["customers"]!["nodes"]![0]!["invoices"]!["nodes"]![0]!["number"]!);
        Assert.Equal([may.Number], await NumbersAsync(http, token, new { status = "OPEN" }));
        Assert.Equal([april.Number], await NumbersAsync(http, token, new { status = "PAID" }));
        Assert.Empty(await NumbersAsync(http, token, new { status = "OVERDUE" }));
        Assert.Equal([may.Number], await NumbersAsync(http, token, new { period = "2026-05" }));

        // The PDF link needs no token; tampered, it is not found.
        var url = new Uri((string)paid["pdfUrl"]!);
        var anonymous = factory.CreateClient();
        var pdf = await anonymous.GetAsync(url.PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains($"FACTURE N° {april.Number}", await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync(url.PathAndQuery.Replace(april.Id.ToString("N"), may.Id.ToString("N"), StringComparison.Ordinal))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/billing/invoices/{april.Id:N}.pdf")).StatusCode);
    }

    [Fact]
    public async Task Invoices_need_the_billing_read_scope()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur Sans Facturation", "Sans – Facturation");
        await TestInvoices.IssueAsync(factory.Services, await CustomerIdAsync("Sans – Facturation"));
        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);

        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, Query, new { });
        Assert.Equal("FORBIDDEN", (string)body["errors"]![0]!["extensions"]!["code"]!);
    }

    private static async Task<List<string>> NumbersAsync(HttpClient http, string token, object variables)
    {
        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, Query.Replace("first: 1,", "first: 10,", StringComparison.Ordinal), variables);
        return [.. body["data"]!["customers"]!["nodes"]![0]!["invoices"]!["nodes"]!.AsArray().Select(n => (string)n!["number"]!)];
    }
}
