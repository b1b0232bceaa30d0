using GraphQL.DataLoader;

namespace Store.Api.DataLoading;

/// <summary>
/// Collects the keys a level of resolvers asks for, then fetches them all in one call when the executor asks for
/// the first result: N items cost one query, not N. One loader per request (see <see cref="DataLoaders"/>).
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, Func<TValue> whenMissing)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private HashSet<TKey> _pending = [];
    private Task? _batch;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }

        return new Result(this, key);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        Task batch;
        lock (_gate)
        {
            if (_loaded.TryGetValue(key, out var ready))
            {
                return ready;
            }

            if (_pending.Count > 0 && (_batch is null || _batch.IsCompleted || _pending.Contains(key)))
            {
                var keys = _pending.ToList();
                _pending = [];
                _batch = FetchAsync(keys, cancellationToken);
            }

            batch = _batch ?? Task.CompletedTask;
        }

        await batch;
        lock (_gate)
        {
            return _loaded.TryGetValue(key, out var value) ? value : default;
        }
    }

    private async Task FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var values = await fetch(keys, cancellationToken);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _loaded[key] = values.TryGetValue(key, out var value) ? value : whenMissing();
            }
        }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>The request's batch loaders, one per kind of look-up, created on first use.</summary>
public sealed class DataLoaders
{
    private readonly Dictionary<string, object> _loaders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, Func<TValue> whenMissing)
        where TKey : notnull
    {
        lock (_gate)
        {
            if (!_loaders.TryGetValue(name, out var loader))
            {
                loader = new BatchLoader<TKey, TValue>(fetch, whenMissing);
                _loaders[name] = loader;
            }

            return (BatchLoader<TKey, TValue>)loader;
        }
    }
}

/// <summary>Shapes a batched value once it arrives, without a second batch.</summary>
public static class DataLoaderResultExtensions
{
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> shape) =>
        new Shaped<T, TResult>(result, shape);

    private sealed class Shaped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> shape) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => shape(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
