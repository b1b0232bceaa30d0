using Store.Domain.Billing;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Subscriptions;
using Store.Domain.Tests.Catalog;

namespace Store.Domain.Tests.Billing;

/// <summary>Sellers, buyers and subscriptions the invoicing examples are written with.</summary>
internal static class BillingExamples
{
    public static readonly CatalogVersion Offers = ShippedCatalog.Version2025_03;

    public static readonly Seller FrenchSeller = new(
        "Store Télécom", "SAS", "100 000 EUR", "552 032 534", "RCS Paris 552 032 534", "FR27552032534",
        new Address("10 rue de la Paix", null, "75002", "Paris", "FR"), "FR7630006000011234567890189", "AGRIFRPP");

    public static readonly Seller SwissSeller = new(
        "Store Télécom Suisse", "SA", "100 000 CHF", "CHE-116.281.710", "RC Genève CHE-116.281.710", "CHE-116.281.710 TVA",
        new Address("Rue du Rhône 1", null, "1204", "Genève", "CH"), "CH9300762011623852957", "POFICHBEXXX");

    public static LegalDetails FrenchBuyer(string country = "FR", string? vatNumber = null) => new(
        Guid.Parse("00000000-0000-0000-0000-0000000000f1"), "Boulangerie Martin SARL", Market.FR, Currency.EUR, "Europe/Paris",
        "732 829 320", vatNumber, new Address("1 place du Marché", null, "69001", "Lyon", country), "compta@martin.example", country == "FR" ? "fr" : "en");

    public static LegalDetails SwissBuyer() => new(
        Guid.Parse("00000000-0000-0000-0000-0000000000c1"), "Uhren Müller AG", Market.CH, Currency.CHF, "Europe/Zurich",
        "CHE-116.281.710", null, new Address("Bahnhofstrasse 1", null, "8001", "Zürich", "CH"), "buchhaltung@mueller.example", "fr");

    public static SubscriptionTimeline Monthly(string product, int quantity, DateOnly startsOn, DateOnly? endsOn = null, decimal? terminationFee = null, ProductKind kind = ProductKind.Plan, params OptionTimeline[] options) =>
        new(Guid.NewGuid(), Offers.Version, kind, product, PricePeriod.Monthly, startsOn, endsOn, [new QuantityStep(startsOn, quantity)], terminationFee, options);

    public static SubscriptionTimeline Yearly(string product, IReadOnlyList<QuantityStep> quantities) =>
        new(Guid.NewGuid(), Offers.Version, ProductKind.Plan, product, PricePeriod.Yearly, quantities[0].From, null, quantities, null, []);

    public static OptionTimeline Option(string code, params QuantityStep[] quantities) => new(code, quantities[0].From, null, quantities);

    public static InvoiceDraft Invoice(string period, LegalDetails buyer, IReadOnlyList<SubscriptionTimeline> subscriptions, IReadOnlyList<UsageCharge>? usage = null, IReadOnlyList<OneOffCharge>? fees = null, IReadOnlyList<SlaIncident>? incidents = null, Seller? seller = null) =>
        Invoicing.Draft(_ => Offers, new BillingInput(buyer, seller ?? FrenchSeller, BillingPeriod.Parse(period), subscriptions, usage ?? [], fees ?? [], incidents ?? []));

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
