namespace Store.Domain.Identity;

/// <summary>Claim types Store puts in cookies and tokens.</summary>
public static class StoreClaims
{
    /// <summary>The customer account a person acts for (one claim per account).</summary>
    public const string CustomerId = "store:customer";

    /// <summary>The reseller a person or an API client acts for.</summary>
    public const string ResellerId = "store:reseller";

    /// <summary>"customer-id:role" or "reseller-id:role" pairs.</summary>
    public const string Membership = "store:membership";

    /// <summary>Set when the person belongs to the operator's back office.</summary>
    public const string BackOffice = "store:backoffice";

    /// <summary>An OAuth scope granted to the token (one claim per scope).</summary>
    public const string Scope = "scope";
}

/// <summary>The API scopes a token can carry.</summary>
public static class StoreScopes
{
    public const string CustomersRead = "customers:read";
    public const string CustomersWrite = "customers:write";
    public const string BillingRead = "billing:read";
    public const string BillingWrite = "billing:write";
    public const string NumbersRead = "numbers:read";
    public const string NumbersWrite = "numbers:write";
    public const string CallsRead = "calls:read";
    public const string CallsWrite = "calls:write";

    /// <summary>The scopes a reseller may give its API clients.</summary>
    public static readonly string[] ForResellers = [CustomersRead, CustomersWrite, BillingRead, BillingWrite, NumbersRead, NumbersWrite, CallsRead];

    /// <summary>Every API scope, including the telephony platform's.</summary>
    public static readonly string[] All = [.. ForResellers, CallsWrite];
}
