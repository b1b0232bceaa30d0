using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Signup;
using Store.Site.Localization;

namespace Store.Site.Signup;

/// <summary>What every step of the signup shares: the catalog of the day, the draft, money in the visitor's language, problems as messages.</summary>
public abstract class SignupPage(CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts) : PageModel
{
    public CatalogVersion Catalog => catalogs.InForceOn(Today);

    protected IStringLocalizer<SiteTexts> Texts { get; } = texts;

    protected TimeProvider Clock { get; } = clock;

    public DateOnly Today => LocalTime.Today(Clock);

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public SignupOrder Order { get; protected set; } = new();

    public SignupQuote? Quote { get; protected set; }

    public string Name(LocalizedText text) => text.In(Language);

    public static string Money(Money money) => money.Format(CultureInfo.CurrentCulture);

    public static string Date(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>Prices the order when its offer is complete, so the summary shows beside every step.</summary>
    protected void PriceOrder()
    {
        Quote = Order.CheckOffer(Catalog).Count == 0 ? SignupQuote.For(Catalog, Order, Today) : null;
    }

    /// <summary>Puts each problem next to its field, in the visitor's language.</summary>
    protected void Show(IEnumerable<Problem> problems, Func<string, string> fieldName)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(fieldName);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(fieldName(problem.Field), Message(problem));
        }
    }

    public string Message(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var key = "problem." + problem.Code;
        return problem.Code == "PORTING_TOO_EARLY"
            ? Texts[key, Date(Domain.Numbers.Porting.EarliestDate(Today))]
            : Texts[key];
    }
}
