using System.Diagnostics;

namespace Store.Api.Tests.DataLoading;

/// <summary>Counts the SQL commands EF Core runs while it is alive (tests using it run alone, see the collection).</summary>
public sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public SqlCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public int Count => Volatile.Read(ref _count);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted")
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqlCountingCollection
{
    public const string Name = "sql-counting";
}
