using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Store.Domain.Identity;

namespace Store.Site.Identity;

/// <summary>
/// Sends a signed-in person whose place requires two-factor sign-in (owner, billing, reseller staff, back office)
/// to enrolment before any other page, until it is done.
/// </summary>
public sealed class RequireTwoFactorFilter(UserManager<StoreUser> users, TwoFactorPolicy policy) : IAsyncPageFilter
{
    /// <summary>The pages a person can open before enrolling: signing in and out, confirmations, and enrolment itself.</summary>
    private static readonly string[] Exempt =
    [
        "/Index", "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Logout", "/Account/Register",
        "/Account/RegisterConfirmation", "/Account/ConfirmEmail", "/Account/ConfirmEmailChange", "/Account/ForgotPassword",
        "/Account/ForgotPasswordConfirmation", "/Account/ResetPassword", "/Account/ResetPasswordConfirmation", "/Account/AccessDenied",
        "/Account/AcceptInvitation", "/Account/Manage/EnableAuthenticator", "/Account/Manage/RecoveryCodes",
    ];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.HttpContext.Request.Path;
        var exempt = path == "/" || Array.Exists(Exempt, p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
        if (!exempt && context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            var user = await users.GetUserAsync(context.HttpContext.User);
            if (user is not null && !user.TwoFactorEnabled && await policy.IsRequiredForAsync(user.Id))
            {
                context.Result = new RedirectToPageResult("/Account/Manage/EnableAuthenticator");
                return;
            }
        }

        await next();
    }
}
