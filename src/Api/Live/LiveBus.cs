using Store.Domain.Calls.Live;

namespace Store.Api.Live;

/// <summary>
/// Carries call updates to every process's <see cref="LiveStatistics"/>, this one included: in process by default,
/// through Redis pub/sub when ConnectionStrings:Redis is set.
/// </summary>
public interface ILiveBus
{
    Task PublishAsync(IReadOnlyList<CallFacts> calls, CancellationToken cancellationToken);
}

/// <summary>One process: updates go straight to its own figures.</summary>
public sealed class InProcessLiveBus(LiveStatistics live) : ILiveBus
{
    public Task PublishAsync(IReadOnlyList<CallFacts> calls, CancellationToken cancellationToken)
    {
        live.Receive(calls);
        return Task.CompletedTask;
    }
}
