namespace Store.Domain.Billing;

/// <summary>
/// Where a billing run finds the rated usage of a month. The rating area provides the real one (its rated calls
/// mapped to <see cref="UsageCharge"/>); until it is registered, nothing is billed in arrears.
/// </summary>
public interface IUsageSource
{
    /// <summary>The month's usage of each of <paramref name="customerIds"/> (accounts, not their sub-accounts), by account.</summary>
    Task<ILookup<Guid, UsageCharge>> ByCustomerAsync(IReadOnlyCollection<Guid> customerIds, BillingPeriod month, CancellationToken cancellationToken);
}

/// <summary>The usage source while no rating is registered: no usage.</summary>
public sealed class NoRatedUsage : IUsageSource
{
    public Task<ILookup<Guid, UsageCharge>> ByCustomerAsync(IReadOnlyCollection<Guid> customerIds, BillingPeriod month, CancellationToken cancellationToken) =>
        Task.FromResult(Array.Empty<UsageCharge>().ToLookup(_ => Guid.Empty));
}
