using System.Runtime.CompilerServices;

namespace Store.Domain.Rating;

/// <summary>
/// One part of a rated call: the subscription it is billed under, its category, the rule that priced it and the
/// seconds it covers, and the exact amount (rounded to 4 decimals; invoices round their lines to the cent).
/// For premium Smart Numbers, what the caller paid and the holder's share of it.
/// </summary>
public readonly record struct ChargeLine(
    Guid SubscriptionId,
    Currency Currency,
    ChargeCategory Category,
    RatingRule Rule,
    int RuleArg,
    int Seconds,
    decimal Amount,
    decimal CallerAmount = 0m,
    decimal RevenueShare = 0m);

/// <summary>The lines of one rated call, held inline: rating a call allocates nothing.</summary>
public struct RatedLines
{
    public const int Capacity = 8;

    private Buffer _lines;

    public int Count { get; private set; }

    public readonly ChargeLine this[int index] => (uint)index < (uint)Count ? _lines[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public readonly decimal Total
    {
        get
        {
            var total = 0m;
            for (var i = 0; i < Count; i++)
            {
                total += _lines[i].Amount;
            }

            return total;
        }
    }

    public void Add(in ChargeLine line)
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException($"A call has at most {Capacity} charge lines.");
        }

        _lines[Count++] = line;
    }

    public readonly ChargeLine[] ToArray()
    {
        var array = new ChargeLine[Count];
        for (var i = 0; i < Count; i++)
        {
            array[i] = _lines[i];
        }

        return array;
    }

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private ChargeLine _element;
    }
}
