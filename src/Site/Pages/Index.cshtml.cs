using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Catalog;

namespace Store.Site.Pages;

/// <summary>The home page: every offer on sale today with its prices excluding and including VAT.</summary>
public sealed class IndexModel(CatalogRegistry catalogs, TimeProvider clock) : PageModel
{
    public CatalogVersion Catalog { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public void OnGet()
    {
        Today = LocalTime.Today(clock);
        Catalog = catalogs.InForceOn(Today);
    }

    public string Name(LocalizedText text) => text.In(Language);

    /// <summary>"19,90 EUR" / "EUR 19.90", excluding VAT.</summary>
    public string ExcludingVat(Price price) => new Money(price.Amount, price.Currency).Format(CultureInfo.CurrentCulture);

    /// <summary>The same price with the VAT of the market the offer is sold in.</summary>
    public string IncludingVat(Price price, Market market) =>
        Vat.IncludingVat(new Money(price.Amount, price.Currency), market.ToString(), Today).Format(CultureInfo.CurrentCulture);

    public string Amount(decimal amount, Currency currency) => new Money(amount, currency).Format(CultureInfo.CurrentCulture);

    /// <summary>A star after a price the offer documents do not give, explained under the tables.</summary>
    public static string Marker(Price price) => price.Placeholder ? " *" : string.Empty;

    public static string Percent(decimal share) => share.ToString("P0", CultureInfo.CurrentCulture);
}
