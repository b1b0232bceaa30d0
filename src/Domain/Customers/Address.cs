namespace Store.Domain.Customers;

/// <summary>A postal address. <see cref="Country"/> is an ISO 3166 alpha-2 code.</summary>
public sealed record Address(string Line1, string? Line2, string PostalCode, string City, string Country);
