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

    /// <summary>The catalog version that rates each subscription (the signed one, or its correction), stamped on its charges.</summary>
    public IReadOnlyDictionary<Guid, string> CatalogVersions { get; } = catalogVersions;

    /// <summary>The month's counters by name: as loaded, then as the batch counted them (untracked; see <see cref="Unsaved"/>).</summary>
    public Dictionary<string, UsageCounter> Stored { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<string, long> _saved = new(StringComparer.Ordinal);

    /// <summary>Keeps a counter as the database holds it.</summary>
    public void Keep(UsageCounter counter)
    {
        Stored[counter.Name] = counter;
        _saved[counter.Name] = counter.Value;
    }

    /// <summary>The counters to write: those the database does not hold yet, and those whose value changed since loading.</summary>
    public void Unsaved(List<UsageCounter> added, List<UsageCounter> changed)
    {
        foreach (var (name, counter) in Stored)
        {
            if (!_saved.TryGetValue(name, out var saved))
            {
                added.Add(counter);
            }
            else if (saved != counter.Value)
            {
                changed.Add(counter);
            }
        }
    }

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

    /// <summary>A call just received, as rating reads it.</summary>
    public CallToRate ToRate(ValidCall call)
    {
        var correspondent = call.Correspondent;
        return ToRate(call.Direction, call.Account.National, call.User, correspondent.Category, correspondent.Country, correspondent.Mobile, correspondent.Key, call.Seconds, call.Flags, call.RecordedSeconds, call.Tariff, call.TariffChanges);
    }

    /// <summary>A stored call, as rating reads it: the same as when it was received.</summary>
    public CallToRate ToRate(CallRecord record)
    {
        var national = Tariff.SmartNumbers.Count > 0 ? NumberClassifier.Classify("account", record.Account).Value?.National ?? record.Account : record.Account;
        return ToRate(record.Direction, national, record.User, record.CorrespondentCategory, record.CorrespondentCountry, record.CorrespondentMobile, record.CorrespondentKey, record.Seconds, record.Flags, record.RecordedSeconds, record.Tariff, record.TariffChanges);
    }

    /// <summary>Takes back the counters saved by earlier batches.</summary>
    public void Restore(IEnumerable<UsageCounter> counters)
    {
        foreach (var counter in counters)
        {
            Keep(counter);
            switch (counter.Name)
            {
                case UsageCounter.Inbound:
                    Counters.InboundSeconds = counter.Value;
                    break;
                case UsageCounter.TextToSpeech:
                    Counters.TextToSpeechSeconds = counter.Value;
                    break;
                case UsageCounter.Recorded:
                    Counters.RecordedSeconds = counter.Value;
                    break;
                default:
                    if (counter.Name.StartsWith(UsageCounter.CorrespondentsPrefix, StringComparison.Ordinal))
                    {
                        Counters.SetCorrespondentCount(SlotOf(counter.Name[UsageCounter.CorrespondentsPrefix.Length..]), (int)counter.Value);
                    }

                    break;
            }
        }
    }

    private CallToRate ToRate(CallDirection direction, string accountNational, string user, NumberCategory category, string country, bool mobile, long key, int seconds, CallFlags flags, int recordedSeconds, int tariff, string? tariffChanges)
    {
        var smart = direction == CallDirection.Inbound && Tariff.SmartNumbers.Count > 0 ? Tariff.SmartNumberIndex(accountNational) : -1;
        return new CallToRate(
            direction,
            category,
            CountryCode.Pack(country.Length == 2 && char.IsAsciiLetterUpper(country[0]) && char.IsAsciiLetterUpper(country[1]) ? country : "ZZ"),
            mobile,
            key,
            SlotOf(CounterKey(user)),
            seconds,
            flags,
            recordedSeconds,
            smart,
            tariff,
            CallValidation.ParseTariffChanges(tariffChanges));
    }
}
