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
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.HttpContext.Request.Path;
        var exempt = path == "/"
            || path.StartsWithSegments("/Index", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Account/Manage/EnableAuthenticator", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Account/Manage/RecoveryCodes", StringComparison.OrdinalIgnoreCase)
            || (path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/Account/Manage", StringComparison.OrdinalIgnoreCase));
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
