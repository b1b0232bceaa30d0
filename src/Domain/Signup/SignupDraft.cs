using System.Text.Json;

namespace Store.Domain.Signup;

/// <summary>
/// A signup in progress, kept server-side so that nothing typed is lost between steps, a confirmation e-mail and a
/// sign-in. The browser holds only its unguessable id. Once placed, it points at the customer it became.
/// </summary>
public sealed class SignupDraft
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private SignupDraft()
    {
    }

    public SignupDraft(DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OrderJson = JsonSerializer.Serialize(new SignupOrder(), Json);
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public string OrderJson { get; private set; } = "{}";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The customer the order became, once placed; a placed draft is not placed again.</summary>
    public Guid? CustomerId { get; private set; }

    public SignupOrder Order => JsonSerializer.Deserialize<SignupOrder>(OrderJson, Json) ?? new SignupOrder();

    public void Save(SignupOrder order, DateTimeOffset now)
    {
        if (CustomerId is not null)
        {
            throw new InvalidOperationException("This signup is already placed.");
        }

        OrderJson = JsonSerializer.Serialize(order, Json);
        UpdatedAt = now;
    }

    public void MarkPlaced(Guid customerId, DateTimeOffset now)
    {
        CustomerId = customerId;
        UpdatedAt = now;
    }
}
