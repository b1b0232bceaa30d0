using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Site.Identity;

/// <summary>ASP.NET Core Identity for people: accounts, passwords, lockout, two-factor, and the sign-in cookie.</summary>
public static class IdentitySetup
{
    /// <summary>Failed sign-ins before an account is locked, and for how long.</summary>
    public const int MaxFailedAttempts = 5;

    public const int MinimumPasswordLength = 12;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static WebApplicationBuilder AddStoreIdentity(this WebApplicationBuilder builder)
    {
        // Cookies are Secure and __Host- prefixed wherever the site is served over HTTPS; plain HTTP on loopback
        // (development and tests) keeps working with the same names minus the prefix.
        var secure = builder.Configuration.GetValue("Store:Identity:SecureCookies", !builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"));
        var prefix = secure ? "__Host-" : string.Empty;
        var policy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        builder.Services
            .AddIdentity<StoreUser, StoreRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = MinimumPasswordLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.Tokens.AuthenticatorIssuer = "Store";
            })
            .AddEntityFrameworkStores<StoreDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StoreClaimsFactory>();

        builder.Services.AddMemoryCache();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SecurityEvents>();
        builder.Services.AddScoped<TwoFactorPolicy>();
        builder.Services.AddScoped<AccountAccess>();
        builder.AddBackOffice();
        builder.Services.AddSingleton<UnknownAccountThrottle>();
        builder.Services.AddIdentityRateLimits(builder.Configuration);

        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = prefix + "Store.Session";
            o.Cookie.SecurePolicy = policy;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            o.Cookie.Path = "/";
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        builder.Services.ConfigureExternalCookie(o =>
        {
            o.Cookie.Name = prefix + "Store.External";
            o.Cookie.SecurePolicy = policy;
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = prefix + "Store.TwoFactorUser";
            o.Cookie.SecurePolicy = policy;
            o.Cookie.Path = "/";
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.Name = prefix + "Store.RememberDevice";
            o.Cookie.SecurePolicy = policy;
            o.Cookie.Path = "/";
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = prefix + "Store.Antiforgery";
            o.Cookie.SecurePolicy = policy;
            o.Cookie.Path = "/";
        });
        return builder;
    }
}
