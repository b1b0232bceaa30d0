namespace Store.Domain.Numbers;

public enum NumberStatus
{
    /// <summary>A number being ported in from another operator, on the date agreed.</summary>
    PortingRequested,

    Active,
}

/// <summary>A telephone number a customer holds with Store: created from the pool or ported in.</summary>
public sealed class TelephoneNumber
{
    private TelephoneNumber()
    {
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The number in E.164, such as +33123456789.</summary>
    public string E164 { get; private set; } = string.Empty;

    public NumberStatus Status { get; private set; }

    /// <summary>When a port-in was asked, and the day it is to happen (at least 14 working days later).</summary>
    public DateOnly? PortingRequestedOn { get; private set; }

    public DateOnly? PortingDate { get; private set; }

    /// <summary>The current operator's name, as the mandate gives it.</summary>
    public string? CurrentOperator { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A number given to a customer from Store's pool, active at once.</summary>
    public static TelephoneNumber FromPool(Guid customerId, string e164, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CustomerId = customerId,
        E164 = e164,
        Status = NumberStatus.Active,
        CreatedAt = now,
    };

    /// <summary>A port-in request, checked: a valid number and a date the porting rules allow.</summary>
    public static Outcome<TelephoneNumber> RequestPorting(Guid customerId, string number, string region, DateOnly desiredDate, string? currentOperator, DateOnly today, DateTimeOffset now)
    {
        var e164 = PhoneNumberText.ToE164("number", number, region);
        var problems = new List<Problem>(e164.Problems);
        problems.AddRange(Porting.CheckDate("portingDate", today, desiredDate));
        if (problems.Count > 0)
        {
            return Outcome<TelephoneNumber>.Failure(problems);
        }

        return Outcome<TelephoneNumber>.Success(new TelephoneNumber
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            E164 = e164.Value!,
            Status = NumberStatus.PortingRequested,
            PortingRequestedOn = today,
            PortingDate = desiredDate,
            CurrentOperator = string.IsNullOrWhiteSpace(currentOperator) ? null : currentOperator.Trim(),
            CreatedAt = now,
        });
    }
}
