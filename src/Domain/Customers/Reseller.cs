namespace Store.Domain.Customers;

/// <summary>A partner that sells Store's offers to its own customers and manages them through the API.</summary>
public sealed class Reseller
{
    private Reseller()
    {
    }

    public Reseller(string name, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.CreateVersion7(createdAt);
        Name = name.Trim();
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }
}
