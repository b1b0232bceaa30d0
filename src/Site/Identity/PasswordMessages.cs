using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Store.Site.Localization;

namespace Store.Site.Identity;

/// <summary>Identity's error codes in the visitor's language.</summary>
public static class PasswordMessages
{
    public static string Describe(IdentityError error, HttpContext context)
    {
        var texts = context.RequestServices.GetRequiredService<IStringLocalizer<SiteTexts>>();
        var text = texts["identity." + error.Code, IdentitySetup.MinimumPasswordLength];
        return text.ResourceNotFound ? texts["identity.Other"] : text;
    }
}
