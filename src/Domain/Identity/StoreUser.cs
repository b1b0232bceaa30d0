using Microsoft.AspNetCore.Identity;

namespace Store.Domain.Identity;

/// <summary>A person who signs in: a customer's staff, a reseller's staff or the operator's back office.</summary>
public sealed class StoreUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>"fr" or "en": the language of the mail Store sends this person.</summary>
    public string Language { get; set; } = "fr";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An operator-wide role, such as the back office.</summary>
public sealed class StoreRole : IdentityRole<Guid>
{
    public const string BackOffice = "backoffice";
}
