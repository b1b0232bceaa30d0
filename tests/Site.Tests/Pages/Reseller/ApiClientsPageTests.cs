using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Localization;
using Store.Testing;

namespace Store.Site.Tests.Pages.Reseller;

/// <summary>
/// The reseller's API clients page, for a person whose sign-in cookie names a reseller. The cookie is made with the
/// site's own cookie protection, since the sign-in page is not this page's concern.
/// </summary>
public sealed partial class ApiClientsPageTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task A_reseller_creates_a_client_sees_its_secret_once_and_revokes_it_after_confirming()
    {
        var http = await SignedInResellerAsync();

        var empty = await http.GetStringAsync("/Reseller/ApiClients");
        Assert.Contains("Vous n'avez encore aucun client API.", WebUtility.HtmlDecode(empty), StringComparison.Ordinal);
        Assert.DoesNotContain(SiteTexts.MissingMarker, empty, StringComparison.Ordinal);

        var created = await PostAsync(http, empty, "Create", ("Input.DisplayName", "ERP comptable"), ("Input.Scopes", StoreScopes.CustomersRead), ("Input.Scopes", StoreScopes.BillingRead));
        Assert.Contains("il ne sera plus jamais affiché", created, StringComparison.Ordinal);
        var clientId = Field("client-id").Match(created).Groups[1].Value;
        var secret = Field("client-secret").Match(created).Groups[1].Value;
        Assert.StartsWith("rsl_", clientId, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);

        var listed = await http.GetStringAsync("/Reseller/ApiClients");
        Assert.Contains(clientId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);

        var confirm = await PostAsync(http, listed, "AskRevoke", ("clientId", clientId));
        Assert.Contains("data-testid=\"api-client-confirm-revoke\"", confirm, StringComparison.Ordinal);
        Assert.Contains(clientId, (await http.GetStringAsync("/Reseller/ApiClients")), StringComparison.Ordinal);

        var revoked = await PostAsync(http, confirm, "Revoke", ("clientId", clientId));
        Assert.Contains("data-testid=\"api-client-revoked\"", revoked, StringComparison.Ordinal);
        Assert.DoesNotContain(clientId, await http.GetStringAsync("/Reseller/ApiClients"), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<StoreDb>().AuditLog.Where(a => a.Detail != null && a.Detail.Contains(clientId)).Select(a => a.Action).ToList();
        Assert.Equal(["api-client-created", "api-client-revoked"], audit.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var http = await SignedInResellerAsync();
        using var form = new FormUrlEncodedContent([new("Input.DisplayName", "Sans jeton"), new("Input.Scopes", StoreScopes.CustomersRead)]);

        var response = await http.PostAsync("/Reseller/ApiClients?handler=Create", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Someone_signed_out_is_sent_to_sign_in()
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await http.GetAsync("/Reseller/ApiClients");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInResellerAsync()
    {
        var reseller = new Domain.Customers.Reseller("Revendeur de la page", DateTimeOffset.UtcNow);
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
        return http;
    }

    private static async Task<string> PostAsync(HttpClient http, string page, string handler, params (string Name, string Value)[] fields)
    {
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]);
        var response = await http.PostAsync("/Reseller/ApiClients?handler=" + handler, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static Regex Field(string testId) => new($"data-testid=\"{testId}\">([^<]+)<", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
