using Store.Domain.Rating;

namespace Store.Domain.Calls;

/// <summary>A customer's month during a batch: its tariff, its counters, and the numbering of its users for the counters.</summary>
internal sealed class CustomerMonth(Guid customerId, string period, RatingTariff tariff, IReadOnlyDictionary<Guid, string> catalogVersions)
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal) { ["*"] = 0 };
    private readonly List<string> _keys = ["*"];

    public Guid CustomerId { get; } = customerId;

    public string Period { get; } = period;

    public RatingTariff Tariff { get; } = tariff;

    public PeriodCounters Counters { get; } = new() { TrackNew = true };

    /// <summary>The catalog version of each subscription, stamped on its charges.</summary>
    public IReadOnlyDictionary<Guid, string> CatalogVersions { get; } = catalogVersions;

    public Dictionary<string, UsageCounter> Stored { get; } = new(StringComparer.Ordinal);

    /// <summary>The counting key of a user's correspondents: the user, or "*" when the plan counts for the whole account.</summary>
    public string CounterKey(string user) => Tariff.Plan is { CountedPerUser: false } ? "*" : user;

    public int SlotOf(string counterKey)
    {
        if (!_slots.TryGetValue(counterKey, out var slot))
        {
            slot = _keys.Count;
            _slots[counterKey] = slot;
            _keys.Add(counterKey);
        }

        return slot;
    }

    public string KeyOfSlot(int slot) => _keys[slot];
}
