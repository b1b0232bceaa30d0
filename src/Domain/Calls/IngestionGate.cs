namespace Store.Domain.Calls;

/// <summary>
/// Lets one ingestion batch of this process at a time into its rating transaction. Without it, a batch waiting for
/// another's write lock would sleep in SQLite's busy loop, holding a thread and waking late; at the gate it waits
/// without a thread and goes in as soon as the other commits, having read and checked its records meanwhile.
/// </summary>
public sealed class IngestionGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => _turn.WaitAsync(cancellationToken);

    public void Release() => _turn.Release();

    public void Dispose() => _turn.Dispose();
}
