namespace Store.Domain.Identity;

public enum MemberRole
{
    /// <summary>Signed the contract; manages people, billing and everything else.</summary>
    Owner,

    /// <summary>Manages services, numbers and people, not billing.</summary>
    Administrator,

    /// <summary>Sees and pays invoices, manages payment methods.</summary>
    Billing,

    /// <summary>Uses the services, sees their own calls.</summary>
    Member,
}

/// <summary>A person's place in a customer account or a reseller: the account they act for and their role there.</summary>
public sealed class Membership
{
    private Membership()
    {
    }

    private Membership(Guid userId, Guid? customerId, Guid? resellerId, MemberRole role, DateTimeOffset since)
    {
        Id = Guid.CreateVersion7(since);
        UserId = userId;
        CustomerId = customerId;
        ResellerId = resellerId;
        Role = role;
        Since = since;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>Set for a customer account's people.</summary>
    public Guid? CustomerId { get; private set; }

    /// <summary>Set for a reseller's staff.</summary>
    public Guid? ResellerId { get; private set; }

    public MemberRole Role { get; private set; }

    public DateTimeOffset Since { get; private set; }

    public static Membership InCustomer(Guid userId, Guid customerId, MemberRole role, DateTimeOffset since) => new(userId, customerId, null, role, since);

    public static Membership InReseller(Guid userId, Guid resellerId, MemberRole role, DateTimeOffset since) => new(userId, null, resellerId, role, since);

    /// <summary>
    /// Whether this place requires two-factor sign-in: account owners, billing administrators and every reseller staff member.
    /// </summary>
    public bool RequiresTwoFactor => ResellerId is not null || Role is MemberRole.Owner or MemberRole.Billing;

    public void ChangeRole(MemberRole role) => Role = role;
}
