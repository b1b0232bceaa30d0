using System.Net;
using Store.Testing;

namespace Store.Site.Tests.Identity;

public sealed class RegistrationTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private static Dictionary<string, string> Form(string email, string password = IdentityTestKit.Password) => new()
    {
        ["Input.DisplayName"] = "Claire Martin",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [Fact]
    public async Task A_new_person_confirms_the_address_from_the_mail_then_signs_in()
    {
        var client = factory.Browser();
        var registered = await client.SubmitAsync("/Account/Register", Form("claire@boulangerie.fr"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.StartsWith("/Account/RegisterConfirmation", registered.Headers.Location!.OriginalString, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("claire@boulangerie.fr")).StatusCode);
        Assert.Contains("Confirmez d'abord votre adresse", FormClient.Text(await (await client.SignInAsync("claire@boulangerie.fr")).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var mail = Assert.Single(await factory.MailsToAsync("claire@boulangerie.fr"));
        Assert.Equal("confirmEmail", mail.Kind);
        var confirmed = FormClient.Text(await client.GetPageAsync(IdentityTestKit.LinkIn(mail)));
        Assert.Contains("votre adresse est confirmée", confirmed, StringComparison.Ordinal);

        var signedIn = await client.SignInAsync("claire@boulangerie.fr");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("claire@boulangerie.fr", await client.GetPageAsync("/Account/Manage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_a_taken_address_looks_the_same_and_tells_the_owner_instead()
    {
        await factory.CreateUserAsync("owner@fromagerie.fr");
        var client = factory.Browser();

        var taken = await client.SubmitAsync("/Account/Register", Form("owner@fromagerie.fr"));
        var fresh = await client.SubmitAsync("/Account/Register", Form("new@fromagerie.fr"));

        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal("/Account/RegisterConfirmation?email=owner@fromagerie.fr", taken.Headers.Location!.OriginalString);
        Assert.Equal("registerExisting", Assert.Single(await factory.MailsToAsync("owner@fromagerie.fr")).Kind);
    }

    [Fact]
    public async Task A_weak_password_is_refused_the_same_way_for_a_taken_and_a_free_address()
    {
        await factory.CreateUserAsync("taken@cave.fr");
        var client = factory.Browser();
        var taken = FormClient.Text(await (await client.SubmitAsync("/Account/Register", Form("taken@cave.fr", "short"))).Content.ReadAsStringAsync());
        var free = FormClient.Text(await (await client.SubmitAsync("/Account/Register", Form("free@cave.fr", "short"))).Content.ReadAsStringAsync());

        Assert.Contains("au moins 12 caractères", taken, StringComparison.Ordinal);
        Assert.Contains("au moins 12 caractères", free, StringComparison.Ordinal);
        Assert.Empty(await factory.MailsToAsync("taken@cave.fr"));
    }
}
