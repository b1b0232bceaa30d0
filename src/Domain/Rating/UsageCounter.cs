namespace Store.Domain.Rating;

/// <summary>
/// A running total of a customer's month that rating needs between batches: seconds of pooled volumes, and the number
/// of distinct correspondents of each counting key (a user, or "*" for the whole account).
/// </summary>
public sealed class UsageCounter
{
    public const string Inbound = "inbound";
    public const string TextToSpeech = "tts";
    public const string Recorded = "recorded";
    public const string CorrespondentsPrefix = "correspondents:";

    private UsageCounter()
    {
    }

    public UsageCounter(Guid customerId, string period, string name)
    {
        CustomerId = customerId;
        Period = period;
        Name = name;
    }

    public Guid CustomerId { get; private set; }

    public string Period { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public long Value { get; set; }
}

/// <summary>A correspondent a counting key (a user, or "*") called in a month, and its rank: the 101st is beyond the bundle.</summary>
public sealed class MonthlyCorrespondent
{
    private MonthlyCorrespondent()
    {
    }

    public MonthlyCorrespondent(Guid customerId, string period, string counterKey, long number, int rank)
    {
        Id = KeyOf(customerId, period, counterKey, number);
        CustomerId = customerId;
        Period = period;
        CounterKey = counterKey;
        Number = number;
        Rank = rank;
    }

    /// <summary>Customer, month, counting key and number in one text, so that a batch's look-ups are one indexed query.</summary>
    public string Id { get; private set; } = string.Empty;

    public Guid CustomerId { get; private set; }

    public string Period { get; private set; } = string.Empty;

    public string CounterKey { get; private set; } = string.Empty;

    public long Number { get; private set; }

    public int Rank { get; private set; }

    public static string KeyOf(Guid customerId, string period, string counterKey, long number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{customerId:N}/{period}/{number}/{counterKey}");
}
