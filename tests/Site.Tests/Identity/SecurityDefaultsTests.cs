using System.Net;
using Store.Testing;

namespace Store.Site.Tests.Identity;

public sealed class SecurityDefaultsTests
{
    [Fact]
    public async Task Session_cookies_are_Secure_HttpOnly_and_Host_prefixed_where_the_site_is_served_over_HTTPS()
    {
        await using var factory = new StoreFactory();
        factory.Settings["Store:Identity:SecureCookies"] = "true";
        await factory.CreateUserAsync("secure@cabinet.fr");
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.SignInAsync("secure@cabinet.fr");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Store.Session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class NewDeviceTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task A_sign_in_from_a_new_browser_is_told_by_mail_but_not_the_first_one_nor_a_known_one()
    {
        await factory.CreateUserAsync("jean@pharmacie.fr");
        var laptop = factory.Browser();
        await laptop.SignInAsync("jean@pharmacie.fr");
        Assert.DoesNotContain(await factory.MailsToAsync("jean@pharmacie.fr"), m => m.Kind == "security-new-device");

        await laptop.SubmitAsync("/Account/Logout", new Dictionary<string, string>());
        await laptop.SignInAsync("jean@pharmacie.fr");
        Assert.DoesNotContain(await factory.MailsToAsync("jean@pharmacie.fr"), m => m.Kind == "security-new-device");

        var phone = factory.Browser();
        await phone.SignInAsync("jean@pharmacie.fr");
        var alert = Assert.Single(await factory.MailsToAsync("jean@pharmacie.fr"), m => m.Kind == "security-new-device");
        Assert.Contains("appareil inconnu", alert.TextBody, StringComparison.Ordinal);
    }
}
