using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Store.Api.Live;
using Store.Site.Identity;
using Store.Site.Identity.OpenId;
using Store.Site.Localization;
using Store.Site.Payments;

namespace Store.Site;

public static class Extensions
{
    public const string CultureCookie = ".Store.Culture";

    /// <summary>Registers the Razor Pages site, in French by default with English.</summary>
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.AddStoreIdentity();
        builder.AddOpenIdServer();
        builder.Services.AddSingleton<SiteTexts>();
        builder.AddLiveStatistics();
        builder.Services.AddOptions<Demo.DemoOptions>().BindConfiguration(Demo.DemoOptions.Section);
        builder.Services.AddHostedService<Demo.DemoSeed>();
        builder.Services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        builder.Services.AddLocalization();
        builder.Services.AddRazorPages(o => o.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(RequireTwoFactorFilter))))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        builder.Services.AddScoped<RequireTwoFactorFilter>();
        builder.Services.AddScoped<Signup.SignupSession>();
        builder.Services.AddSingleton<Signup.ContractSummary>();
        builder.Services.AddScoped<Signup.WelcomeMail>();
        builder.Services.AddScoped<Store.Domain.Payments.IActivationMail>(s => s.GetRequiredService<Signup.WelcomeMail>());
        builder.Services.AddScoped<Payments.StripeCheckout>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("fr-FR"), new CultureInfo("en-GB") };
            o.DefaultRequestCulture = new RequestCulture("fr-FR");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders =
            [
                // ?lang=en or ?lang=fr, for links that open a page in a given language.
                new CustomRequestCultureProvider(context => Task.FromResult(context.Request.Query["lang"].ToString() switch
                {
                    "en" => new ProviderCultureResult("en-GB"),
                    "fr" => new ProviderCultureResult("fr-FR"),
                    _ => (ProviderCultureResult?)null,
                })),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
            ];
        });
        return builder;
    }

    /// <summary>What the site needs before routing: static files, then the visitor's language.</summary>
    public static void UseSiteBeforeRouting(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRequestLocalization();
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenIdServer();
        app.MapGet("/language/{language}", ChooseLanguage);
        if (app.Configuration.GetSection(Store.Domain.Payments.StripeOptions.Section).Get<Store.Domain.Payments.StripeOptions>() is { Configured: true })
        {
            app.MapStripeWebhook();
        }
        return app;
    }

    /// <summary>Remembers the chosen language for a year and goes back to the page the visitor was on.</summary>
    private static IResult ChooseLanguage(string language, string? returnUrl, HttpContext http)
    {
        var culture = language switch { "en" => "en-GB", _ => "fr-FR" };
        http.Response.Cookies.Append(
            CultureCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
        var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl
            : "/";
        return Results.LocalRedirect(target);
    }
}
