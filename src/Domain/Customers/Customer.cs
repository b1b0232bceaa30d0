using Store.Domain.Catalog;

namespace Store.Domain.Customers;

/// <summary>A business that buys Store's offers, directly or through a reseller.</summary>
public sealed class Customer
{
    private Customer()
    {
    }

    public Customer(string legalName, Market market, Address billingAddress, string billingEmail, DateTimeOffset createdAt, Guid? resellerId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(legalName);
        ArgumentException.ThrowIfNullOrWhiteSpace(billingEmail);
        Id = Guid.CreateVersion7(createdAt);
        LegalName = legalName.Trim();
        Market = market;
        Currency = market == Market.CH ? Currency.CHF : Currency.EUR;
        TimeZone = market == Market.CH ? "Europe/Zurich" : "Europe/Paris";
        BillingAddress = billingAddress;
        BillingEmail = billingEmail.Trim();
        CreatedAt = createdAt;
        ResellerId = resellerId;
    }

    public Guid Id { get; private set; }

    /// <summary>The reseller that manages this customer, if any. Tenant isolation keys on it.</summary>
    public Guid? ResellerId { get; private set; }

    /// <summary>The parent account of a sub-account (Smart Administration's sub-accounts), if any.</summary>
    public Guid? ParentId { get; private set; }

    public string LegalName { get; private set; } = string.Empty;

    /// <summary>The market the customer buys in: its currency, VAT and billing time zone follow.</summary>
    public Market Market { get; private set; }

    public Currency Currency { get; private set; }

    /// <summary>The IANA time zone billing periods are cut in (Europe/Paris or Europe/Zurich).</summary>
    public string TimeZone { get; private set; } = string.Empty;

    /// <summary>French SIREN or Swiss UID (CHE-123.456.789), when given.</summary>
    public string? CompanyNumber { get; private set; }

    /// <summary>Intra-community or Swiss VAT number, when given.</summary>
    public string? VatNumber { get; private set; }

    public Address BillingAddress { get; private set; } = null!;

    public string BillingEmail { get; private set; } = string.Empty;

    /// <summary>Where letters go when not to the billing address (000: "adresse de correspondance").</summary>
    public Address? CorrespondenceAddress { get; private set; }

    public void SetCorrespondenceAddress(Address? address) => CorrespondenceAddress = address;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Makes this account a sub-account of <paramref name="parent"/>, billed and managed under it.</summary>
    public void MakeSubAccountOf(Customer parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent.Id == Id || parent.ParentId is not null)
        {
            throw new InvalidOperationException("A sub-account hangs under a main account, one level deep.");
        }

        ParentId = parent.Id;
        ResellerId = parent.ResellerId;
    }

    /// <summary>
    /// Since when the customer's outgoing calls are suspended for an unpaid invoice (dunning); null when they are not.
    /// Rating and routing read it; incoming calls and the emergency numbers are never suspended.
    /// </summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    /// <summary>Suspends outgoing calls; false when they already were.</summary>
    public bool Suspend(DateTimeOffset now)
    {
        if (SuspendedAt is not null)
        {
            return false;
        }

        SuspendedAt = now;
        return true;
    }

    /// <summary>Lifts the suspension; false when there was none.</summary>
    public bool Reinstate()
    {
        if (SuspendedAt is null)
        {
            return false;
        }

        SuspendedAt = null;
        return true;
    }

    /// <summary>The customer's id at Stripe, once one was created for it (only when Stripe is configured).</summary>
    public string? StripeCustomerId { get; private set; }

    /// <summary>The saved card or SEPA mandate (a Stripe payment method id) its invoices are charged to; null: bank transfer.</summary>
    public string? StripePaymentMethodId { get; private set; }

    /// <summary>How the customer pays: bank transfer until a card or a SEPA mandate is confirmed.</summary>
    public Payments.PaymentMethod PaysBy { get; private set; } = Payments.PaymentMethod.BankTransfer;

    /// <summary>When the payment method was confirmed: invoices issued from then on are charged to it.</summary>
    public DateTimeOffset? PaymentMethodSavedAt { get; private set; }

    public void LinkStripeCustomer(string stripeCustomerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stripeCustomerId);
        if (StripeCustomerId is not null && StripeCustomerId != stripeCustomerId)
        {
            throw new InvalidOperationException($"Customer {Id} is already linked to another Stripe customer.");
        }

        StripeCustomerId = stripeCustomerId;
    }

    /// <summary>Charges the customer's invoices to a confirmed card or SEPA mandate; false when it was already the one saved.</summary>
    public bool SavePaymentMethod(string paymentMethodId, Payments.PaymentMethod kind, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentMethodId);
        if (kind is not (Payments.PaymentMethod.Card or Payments.PaymentMethod.SepaDebit))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only a card or a SEPA mandate is saved.");
        }

        if (StripePaymentMethodId == paymentMethodId)
        {
            return false;
        }

        StripePaymentMethodId = paymentMethodId;
        PaysBy = kind;
        PaymentMethodSavedAt = now;
        return true;
    }

    public void SetCompanyIdentifiers(string? companyNumber, string? vatNumber)
    {
        CompanyNumber = string.IsNullOrWhiteSpace(companyNumber) ? null : companyNumber.Trim();
        VatNumber = string.IsNullOrWhiteSpace(vatNumber) ? null : vatNumber.Trim();
    }
}
