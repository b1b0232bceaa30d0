using Store.Domain.Catalog;
using Store.Domain.Customers;

namespace Store.Domain.Billing;

/// <summary>
/// Settings of billing (Store:Billing): the selling companies printed on invoices and the payment term.
/// The defaults are placeholders for development; the operator sets its real legal details before invoicing.
/// </summary>
public sealed class BillingOptions
{
    /// <summary>Chunks of customers billed side by side in a run; the processors' count by default.</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Customers whose invoices are read together and issued in one transaction.</summary>
    public int ChunkSize { get; set; } = 50;

    /// <summary>Days from issue to due date.</summary>
    public int PaymentTermDays { get; set; } = 30;

    /// <summary>The company that sells in France (market FR).</summary>
    public Seller FrenchSeller { get; set; } = new(
        "Store Télécom", "SAS", "100 000 EUR", "000 000 000", "RCS Paris (à renseigner)", "FR00000000000",
        new Address("1 rue de l'Exemple", null, "75001", "Paris", "FR"), "FR76 0000 0000 0000 0000 0000 000", "XXXXFRPP");

    /// <summary>The company that sells in Switzerland (market CH).</summary>
    public Seller SwissSeller { get; set; } = new(
        "Store Télécom Suisse", "SA", "100 000 CHF", "CHE-000.000.000", "RC Genève (à renseigner)", "CHE-000.000.000 TVA",
        new Address("Rue de l'Exemple 1", null, "1204", "Genève", "CH"), "CH93 0076 2011 6238 5295 7", "XXXXCHGG");

    public Seller SellerFor(Market market) => market == Market.CH ? SwissSeller : FrenchSeller;
}
