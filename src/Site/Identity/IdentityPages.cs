using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Store.Site.Identity;

/// <summary>Small helpers shared by the account pages.</summary>
public static class IdentityPages
{
    /// <summary>A local return address, or the home page: never a redirect off the site.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>"14:32" in Paris time, the way the lockout message says when the account opens again.</summary>
    public static string ParisTime(DateTimeOffset instant) =>
        Store.Domain.LocalTime.In(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The lockout message every sign-in step shows: until when, in Paris time.</summary>
    public static string LockedOut(Microsoft.Extensions.Localization.IStringLocalizer texts, DateTimeOffset? until)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts["login.lockedOut", ParisTime(until ?? DateTimeOffset.UtcNow)];
    }

    /// <summary>The absolute address of a page, for links in e-mails.</summary>
    public static string Absolute(HttpRequest request, string pathAndQuery) => $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
}
