using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Identity;
using Store.Site.Identity.OpenId;
using Store.Testing;

namespace Store.Api.Tests.Identity;

/// <summary>
/// A person signs in to Store's own application: authorization code with PKCE (S256) through the site's sign-in page.
/// Written against the sign-in page's contract (/Account/Login, a form with Input.Email, Input.Password and the
/// antiforgery token, posted to the same address, back to ReturnUrl on success); it passes once that page is merged.
/// </summary>
public sealed partial class AuthorizationCodeFlowTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private const string RedirectUri = OpenIdSettings.DefaultFirstPartyRedirectUri;
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_person_signs_in_and_the_code_is_exchanged_with_the_verifier_for_tokens_the_api_accepts()
    {
        var user = await CreatePersonAsync("camille.petit@example.com");
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var authorize = "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = OpenIdClientSeeder.FirstPartyClientId,
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid profile email offline_access",
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

        var toLogin = await http.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var login = toLogin.Headers.Location!;
        Assert.Equal("/Account/Login", login.IsAbsoluteUri ? login.AbsolutePath : login.OriginalString.Split('?')[0]);
        var returnUrl = System.Web.HttpUtility.ParseQueryString(login.IsAbsoluteUri ? login.Query : "?" + login.OriginalString.Split('?', 2)[1])["ReturnUrl"]!;
        Assert.StartsWith("/connect/authorize", returnUrl, StringComparison.Ordinal);

        var page = await http.GetAsync(login);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(html);
        Assert.True(antiforgery.Success, "The sign-in form has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
        });
        var signedIn = await http.PostAsync(login, form);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(returnUrl, signedIn.Headers.Location!.IsAbsoluteUri ? signedIn.Headers.Location.PathAndQuery : signedIn.Headers.Location.OriginalString);

        var toClient = await http.GetAsync(returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        var callback = toClient.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString(), StringComparison.Ordinal);
        var answer = System.Web.HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal(state, answer["state"]);
        var code = answer["code"]!;

        using var exchange = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = OpenIdClientSeeder.FirstPartyClientId,
            ["redirect_uri"] = RedirectUri,
            ["code"] = code,
            ["code_verifier"] = verifier,
        });
        var tokenResponse = await http.PostAsync("/connect/token", exchange);
        var tokens = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!;
        Assert.True(tokenResponse.IsSuccessStatusCode, tokens.ToJsonString());
        Assert.NotNull(tokens["id_token"]);
        Assert.NotNull(tokens["refresh_token"]);

        var (response, body) = await factory.CreateClient().PostGraphQLWithTokenAsync((string)tokens["access_token"]!, "{ viewer { kind userId clientId } }");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PERSON", (string?)body["data"]!["viewer"]!["kind"]);
        Assert.Equal(user.Id.ToString(), (string?)body["data"]!["viewer"]!["userId"]);
        Assert.Equal(OpenIdClientSeeder.FirstPartyClientId, (string?)body["data"]!["viewer"]!["clientId"]);

        using var refresh = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = OpenIdClientSeeder.FirstPartyClientId,
            ["refresh_token"] = (string)tokens["refresh_token"]!,
        });
        var refreshed = await http.PostAsync("/connect/token", refresh);
        Assert.True(refreshed.IsSuccessStatusCode, await refreshed.Content.ReadAsStringAsync());
    }

    private async Task<StoreUser> CreatePersonAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StoreUser>>();
        var user = new StoreUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Camille Petit", CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return user;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
