using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Testing;

namespace Store.Site.Tests.Pages.Reseller;

public sealed class CustomersPageTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task A_reseller_opens_a_customer_on_its_behalf_and_sees_it_with_its_monthly_revenue_and_nobody_elses()
    {
        var (http, resellerId) = await SignedInResellerAsync("Revendeur Clients");
        var (other, _) = await SignedInResellerAsync("Revendeur Voisin");

        var form = new Dictionary<string, string>
        {
            ["Input.LegalName"] = "Garage Martin SARL",
            ["Input.CompanyNumber"] = "552 032 535",
            ["Input.BillingEmail"] = "compta@garage-martin.fr",
            ["Input.Line1"] = "3 route de Lyon",
            ["Input.PostalCode"] = "69003",
            ["Input.City"] = "Lyon",
            ["Input.ProductCode"] = "forfait-pro",
            ["Input.Users"] = "3",
            ["Input.Period"] = "Monthly",
        };
        var refused = FormClient.Text(await (await http.SubmitToAsync("/Reseller/Customers", "/Reseller/Customers?handler=Onboard", form)).Content.ReadAsStringAsync());
        Assert.Contains("Un SIREN a 9 chiffres", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Garage Martin SARL\"", refused, StringComparison.Ordinal);

        form["Input.CompanyNumber"] = "552 032 534";
        var done = FormClient.Text(await (await http.SubmitToAsync("/Reseller/Customers", "/Reseller/Customers?handler=Onboard", form)).Content.ReadAsStringAsync()).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Contains("Garage Martin SARL est client", done, StringComparison.Ordinal);
        Assert.Contains("119,70 EUR", done, StringComparison.Ordinal); // 3 × 39.90 a month
        Assert.Contains("1 contrat(s) actif(s)", done, StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var customer = await db.Customers.SingleAsync(c => c.LegalName == "Garage Martin SARL" && c.ResellerId == resellerId);
            Assert.Equal(ContractStatus.Active, (await db.Contracts.SingleAsync(c => c.CustomerId == customer.Id)).Status);
        }

        Assert.DoesNotContain("Garage Martin", await other.GetStringAsync("/Reseller/Customers"), StringComparison.Ordinal);
        var stranger = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync("/Reseller/Customers")).StatusCode);
    }

    private async Task<(HttpClient Http, Guid ResellerId)> SignedInResellerAsync(string name)
    {
        var reseller = new Domain.Customers.Reseller(name, DateTimeOffset.UtcNow);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            db.Resellers.Add(reseller);
            await db.SaveChangesAsync();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(StoreClaims.ResellerId, reseller.Id.ToString())],
            IdentityConstants.ApplicationScheme);
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow }, IdentityConstants.ApplicationScheme);
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        http.DefaultRequestHeaders.Add("Cookie", options.Cookie.Name + "=" + options.TicketDataFormat.Protect(ticket));
        return (http, reseller.Id);
    }
}
