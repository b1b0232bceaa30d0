namespace Store.Domain.Calls.Live;

/// <summary>
/// A set of 64-bit call keys in sorted blocks of at most <see cref="BlockSize"/> keys: 8 bytes a key where a hash set
/// takes 20 to 40 (its entries, buckets and the room it doubles into), and no block big enough for the large object
/// heap. A key is looked for by binary search in each block, so a day of a busy account (tens of thousands of calls,
/// a handful of blocks) answers in about a hundred comparisons.
/// </summary>
internal sealed class CallKeySet
{
    public const int BlockSize = 4096;
    private const int FirstBlockSize = 4;

    private readonly List<long[]> _full = [];
    private long[] _open = new long[FirstBlockSize];
    private int _openCount;

    public int Count => (_full.Count * BlockSize) + _openCount;

    /// <summary>The bytes of the keys' arrays: what the set holds beyond its few fixed objects.</summary>
    public long Bytes => ((long)_full.Count * BlockSize + _open.Length) * sizeof(long);

    public bool Contains(long key)
    {
        if (Array.BinarySearch(_open, 0, _openCount, key) >= 0)
        {
            return true;
        }

        foreach (var block in _full)
        {
            if (Array.BinarySearch(block, key) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the key; false when it was already there.</summary>
    public bool Add(long key)
    {
        if (Contains(key))
        {
            return false;
        }

        if (_openCount == _open.Length)
        {
            if (_open.Length == BlockSize)
            {
                _full.Add(_open);
                _open = new long[FirstBlockSize];
                _openCount = 0;
            }
            else
            {
                Array.Resize(ref _open, _open.Length * 2);
            }
        }

        var at = ~Array.BinarySearch(_open, 0, _openCount, key);
        Array.Copy(_open, at, _open, at + 1, _openCount - at);
        _open[at] = key;
        _openCount++;
        return true;
    }
}
