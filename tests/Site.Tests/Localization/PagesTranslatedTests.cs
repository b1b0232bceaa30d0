using System.Net;
using Store.Site.Localization;
using Store.Testing;

namespace Store.Site.Tests.Localization;

/// <summary>Every page a visitor can open shows text in French and in English, never a raw key.</summary>
public sealed class PagesTranslatedTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in SiteTexts.Languages)
        {
            foreach (var page in new[] { "/", "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ForgotPasswordConfirmation", "/Account/RegisterConfirmation?email=a%40b.fr", "/Account/ResetPassword", "/Account/ResetPasswordConfirmation", "/Account/AccessDenied", "/Account/Logout", "/Account/ConfirmEmail", "/Account/AcceptInvitation?token=x", "/Signup", "/Signup?plan=forfait-start", "/Signup/SmartNumber", "/Signup/SmartNumber?type=090x" })
            {
                data.Add(language, page);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_untranslated_text(string language, string page)
    {
        var separator = page.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var response = await factory.CreateClient().GetAsync($"{page}{separator}lang={language}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{page}: {response.StatusCode}");
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(SiteTexts.MissingMarker, html, StringComparison.Ordinal);
    }
}
