namespace Store.Domain.Tenancy;

/// <summary>
/// Whose data this unit of work may see. StoreDb's query filters read it, so isolation between resellers and
/// customers is enforced in that one place: a reseller sees its own customers, a customer only itself, the
/// operator (back office, jobs, the site's own pages) everything. Unrestricted until the API narrows it.
/// </summary>
public sealed class TenantScope
{
    public bool Restricted { get; private set; }

    /// <summary>The reseller whose customers are visible, if any.</summary>
    public Guid? ResellerId { get; private set; }

    /// <summary>Customer accounts visible in their own right (a person's memberships).</summary>
    public List<Guid> CustomerIds { get; private set; } = [];

    /// <summary>Sees a reseller's customers and the given customer accounts, nothing else.</summary>
    public void Restrict(Guid? resellerId, IEnumerable<Guid> customerIds)
    {
        Restricted = true;
        ResellerId = resellerId;
        CustomerIds = [.. customerIds];
    }

    /// <summary>Sees no customer data at all (anonymous callers).</summary>
    public void RestrictToNothing() => Restrict(null, []);
}
