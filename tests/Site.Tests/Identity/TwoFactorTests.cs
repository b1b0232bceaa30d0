using System.Net;
using System.Text.RegularExpressions;
using Store.Testing;

namespace Store.Site.Tests.Identity;

public sealed partial class TwoFactorTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Enrolment_then_sign_in_with_a_code_and_a_recovery_code_that_works_once()
    {
        await factory.CreateUserAsync("anne@notaire.fr");
        var client = factory.Browser();
        await client.SignInAsync("anne@notaire.fr");

        var enrol = FormClient.Text(await client.GetPageAsync("/Account/Manage/EnableAuthenticator"));
        Assert.Contains("data:image/png;base64,", enrol, StringComparison.Ordinal);
        var key = KeyPattern().Match(enrol).Groups[1].Value;
        var enabled = await client.SubmitAsync("/Account/Manage/EnableAuthenticator", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal("/Account/Manage/RecoveryCodes", enabled.Headers.Location!.OriginalString);
        var codes = CodePattern().Matches(await client.GetPageAsync("/Account/Manage/RecoveryCodes")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Contains(await factory.MailsToAsync("anne@notaire.fr"), m => m.Kind == "security-two-factor-changed");

        // The codes are shown once.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage/RecoveryCodes")).StatusCode);

        var fresh = factory.Browser();
        var password = await fresh.SignInAsync("anne@notaire.fr");
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var wrong = await fresh.SubmitAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("Ce code est incorrect.", FormClient.Text(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var right = await fresh.SubmitAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.OriginalString);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var other = factory.Browser();
            await other.SignInAsync("anne@notaire.fr");
            var recovery = await other.SubmitAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });
            if (attempt == 0)
            {
                Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, recovery.StatusCode);
                Assert.Contains("incorrect ou a déjà servi", FormClient.Text(await recovery.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex("data-testid=\"shared-key\">([a-z0-9 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex CodePattern();
}
