using Store.Domain.Calls.Live;

namespace Store.Domain.Tests.Calls.Live;

/// <summary>The keys of forgotten calls: exact membership, 8 bytes a key.</summary>
public sealed class CallKeySetTests
{
    [Fact]
    public void Keys_across_many_blocks_are_found_and_others_are_not_and_each_takes_eight_bytes()
    {
        var random = new Random(42);
        var keys = Enumerable.Range(0, (3 * CallKeySet.BlockSize) + 17).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).Distinct().ToList();
        var set = new CallKeySet();
        foreach (var key in keys)
        {
            Assert.True(set.Add(key));
        }

        Assert.False(set.Add(keys[5]));
        Assert.Equal(keys.Count, set.Count);
        Assert.All(keys, k => Assert.True(set.Contains(k)));
        Assert.Equal(0, Enumerable.Range(0, 10_000).Count(_ => set.Contains(random.NextInt64(long.MinValue, long.MaxValue))));
        Assert.InRange(set.Bytes, keys.Count * 8L, (keys.Count * 8L) + (64 * 8));
    }
}
