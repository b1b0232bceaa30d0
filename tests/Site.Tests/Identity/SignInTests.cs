using System.Net;
using System.Text.RegularExpressions;
using Store.Domain.Identity;
using Store.Testing;

namespace Store.Site.Tests.Identity;

public sealed partial class SignInTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        ErrorPattern().Match(FormClient.Text(await response.Content.ReadAsStringAsync())).Groups[1].Value;

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        await factory.CreateUserAsync("paul@garage.fr");
        var client = factory.Browser();

        var wrongPassword = await client.SignInAsync("paul@garage.fr", "not the password at all");
        var unknown = await client.SignInAsync("nobody@garage.fr", "not the password at all");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(wrongPassword.StatusCode, unknown.StatusCode);
        Assert.Equal("Adresse e-mail ou mot de passe incorrect.", await ErrorOf(wrongPassword));
        Assert.Equal(await ErrorOf(wrongPassword), await ErrorOf(unknown));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_say_until_when()
    {
        await factory.CreateUserAsync("lea@fleuriste.fr");
        var client = factory.Browser();
        for (var i = 1; i < 5; i++)
        {
            Assert.Equal("Adresse e-mail ou mot de passe incorrect.", await ErrorOf(await client.SignInAsync("lea@fleuriste.fr", "wrong password " + i)));
        }

        var locked = await ErrorOf(await client.SignInAsync("lea@fleuriste.fr", "wrong password 5"));
        Assert.Matches("bloquée jusqu'à [0-2][0-9]:[0-5][0-9] \\(heure de Paris\\)", locked);

        // Even the right password is refused until then.
        var right = await client.SignInAsync("lea@fleuriste.fr");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(locked, await ErrorOf(right));
    }

    [Fact]
    public async Task An_unknown_address_is_locked_like_a_real_one_so_lockout_reveals_nothing()
    {
        var client = factory.Browser();
        string last = string.Empty;
        for (var i = 0; i < 5; i++)
        {
            last = await ErrorOf(await client.SignInAsync("ghost@nowhere.fr", "wrong password " + i));
        }

        Assert.Matches("bloquée jusqu'à [0-2][0-9]:[0-5][0-9] \\(heure de Paris\\)", last);
    }

    [Fact]
    public async Task Forgotten_password_answers_the_same_and_mails_only_real_accounts()
    {
        await factory.CreateUserAsync("marc@imprimerie.fr");
        var client = factory.Browser();
        var known = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "marc@imprimerie.fr" });
        var unknown = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "nobody@imprimerie.fr" });

        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        var mail = Assert.Single(await factory.MailsToAsync("marc@imprimerie.fr"));
        Assert.Empty(await factory.MailsToAsync("nobody@imprimerie.fr"));

        var reset = await client.SubmitAsync(IdentityTestKit.LinkIn(mail), new Dictionary<string, string>
        {
            ["Input.Email"] = "marc@imprimerie.fr",
            ["Input.Password"] = "a brand new long password",
            ["Input.ConfirmPassword"] = "a brand new long password",
        });
        Assert.Equal("/Account/ResetPasswordConfirmation", reset.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().SignInAsync("marc@imprimerie.fr", "a brand new long password")).StatusCode);
        Assert.Contains(await factory.MailsToAsync("marc@imprimerie.fr"), m => m.Kind == "security-password-changed");
    }

    [Fact]
    public async Task An_owner_must_enrol_two_factor_before_using_the_account()
    {
        await factory.CreateUserAsync("owner@boucherie.fr", ownerOf: MemberRole.Owner);
        var client = factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("owner@boucherie.fr")).StatusCode);

        var page = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Manage/EnableAuthenticator", page.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("<div class=\"errors[^\"]*\" role=\"alert\"><ul><li>([^<]+)</li>")]
    private static partial Regex ErrorPattern();
}
