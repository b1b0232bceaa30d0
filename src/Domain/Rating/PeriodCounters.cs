using System.Runtime.InteropServices;

namespace Store.Domain.Rating;

/// <summary>
/// What a customer has used so far in one month, as rating needs it: each counting key's distinct correspondents with
/// the rank each was first called in, and the seconds consumed from pooled volumes. Rating reads and advances them;
/// ingestion loads them before a batch and saves them with it.
/// </summary>
public sealed class PeriodCounters
{
    private Dictionary<long, int>?[] _correspondents = new Dictionary<long, int>?[4];
    private int[] _counts = new int[4];

    public long InboundSeconds { get; set; }

    public long TextToSpeechSeconds { get; set; }

    public long RecordedSeconds { get; set; }

    /// <summary>When set, every correspondent met for the first time is listed in <see cref="NewCorrespondents"/>, to be saved.</summary>
    public bool TrackNew { get; init; }

    public List<(int Slot, long Number, int Rank)> NewCorrespondents { get; } = [];

    /// <summary>How many distinct correspondents the key <paramref name="slot"/> has called this month.</summary>
    public int CorrespondentCount(int slot) => slot < _counts.Length ? _counts[slot] : 0;

    /// <summary>Restores a count saved earlier (the correspondents themselves are restored one by one, as needed).</summary>
    public void SetCorrespondentCount(int slot, int count)
    {
        Grow(slot);
        _counts[slot] = count;
    }

    /// <summary>Restores a correspondent seen earlier in the month, with its rank.</summary>
    public void Remember(int slot, long number, int rank)
    {
        Grow(slot);
        (_correspondents[slot] ??= [])[number] = rank;
    }

    /// <summary>The rank of <paramref name="number"/> among the key's correspondents this month: its existing rank, or the next one.</summary>
    public int RankOf(int slot, long number)
    {
        Grow(slot);
        var set = _correspondents[slot] ??= new Dictionary<long, int>(128);
        ref var rank = ref CollectionsMarshal.GetValueRefOrAddDefault(set, number, out var exists);
        if (!exists)
        {
            rank = ++_counts[slot];
            if (TrackNew)
            {
                NewCorrespondents.Add((slot, number, rank));
            }
        }

        return rank;
    }

    /// <summary>Gives back the volumes an earlier version of a call consumed, before its later version is rated.</summary>
    public void Release(IEnumerable<ChargeLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            switch (line.Rule)
            {
                case RatingRule.InboundWithinPool or RatingRule.InboundBeyondPool or RatingRule.WebCallBackLeg:
                    InboundSeconds -= line.Seconds;
                    break;
                case RatingRule.TextToSpeechWithinVolume or RatingRule.TextToSpeechBeyondVolume:
                    TextToSpeechSeconds -= line.Seconds;
                    break;
                case RatingRule.RecordingWithinPacks or RatingRule.RecordingBeyondPacks or RatingRule.RecordingBeyondPacksNotAllowed:
                    RecordedSeconds -= line.Seconds;
                    break;
            }
        }
    }

    private void Grow(int slot)
    {
        if (slot >= _counts.Length)
        {
            var size = Math.Max(slot + 1, _counts.Length * 2);
            Array.Resize(ref _counts, size);
            Array.Resize(ref _correspondents, size);
        }
    }
}
