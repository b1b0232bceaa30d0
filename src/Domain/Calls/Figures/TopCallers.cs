using Microsoft.EntityFrameworkCore;
using Store.Domain.Persistence;

namespace Store.Domain.Calls.Figures;

/// <summary>Over which months the Top 200 callers are counted.</summary>
public enum TopCallersRange
{
    /// <summary>The current calendar month.</summary>
    ThisMonth,

    /// <summary>The current calendar month and the two before it.</summary>
    ThreeMonths,
}

/// <summary>How the Top 200 is ranked.</summary>
public enum TopCallersOrder
{
    /// <summary>By minutes talked, then by calls.</summary>
    Minutes,

    /// <summary>By the holder's share of what the caller paid (premium numbers), then by minutes.</summary>
    Revenue,
}

/// <summary>One calling number in the Top 200: its calls to the account, minutes, and what it paid (premium numbers).</summary>
public sealed record TopCaller(int Rank, string Caller, int Calls, long Seconds, decimal CallerRevenue, decimal HolderShare)
{
    public decimal Minutes => Seconds / 60m;
}

/// <summary>
/// The Top 200 callers (001, "Top 200 clients"): the numbers that called the account most, over the current month or the
/// last three months, for one number or all. Grouped, ranked and cut to 200 in the database.
/// </summary>
public static class TopCallers
{
    public const int Size = 200;

    /// <summary>The months <paramref name="range"/> covers on <paramref name="today"/>, oldest first ("2026-01").</summary>
    public static IReadOnlyList<string> Periods(TopCallersRange range, DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        return range == TopCallersRange.ThisMonth
            ? [UsageMonth.Of(first)]
            : [UsageMonth.Of(first.AddMonths(-2)), UsageMonth.Of(first.AddMonths(-1)), UsageMonth.Of(first)];
    }

    public static async Task<IReadOnlyList<TopCaller>> ListAsync(StoreDb db, Guid customerId, IReadOnlyList<string> periods, Guid? numberId, TopCallersOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(periods);
        var months = periods.ToList();
        if (months.Count == 0)
        {
            return [];
        }

        var (after, before) = UsageMonth.Around(months);
        var calls = db.CallRecords.AsNoTracking()
            .Where(c => c.CustomerId == customerId && c.StartedAt >= after && c.StartedAt < before && c.Direction == CallDirection.Inbound && months.Contains(c.Period));
        if (numberId is { } number)
        {
            calls = calls.Where(c => c.NumberId == number);
        }

        var charges = from charge in db.CallCharges.AsNoTracking()
                      join call in calls on charge.CallRecordId equals call.Id
                      where charge.CallerAmount != 0m || charge.RevenueShare != 0m
                      select new { call.Caller, charge.CallerAmount, charge.RevenueShare };

        var byCaller = calls.GroupBy(c => c.Caller).Select(g => new { Caller = g.Key, Calls = g.Count(), Seconds = g.Sum(c => (long)c.Seconds) });
        var byRevenue = charges.GroupBy(c => c.Caller).Select(g => new { Caller = g.Key, CallerRevenue = g.Sum(c => c.CallerAmount), HolderShare = g.Sum(c => c.RevenueShare) });

        // Rank on one side in the database, then fetch the other side's sums for those 200 numbers only.
        if (order == TopCallersOrder.Revenue)
        {
            var top = await byRevenue.OrderByDescending(r => r.HolderShare).ThenByDescending(r => r.CallerRevenue).ThenBy(r => r.Caller).Take(Size).ToListAsync(cancellationToken);
            var callers = top.Select(t => t.Caller).ToList();
            var traffic = await byCaller.Where(c => callers.Contains(c.Caller)).ToDictionaryAsync(c => c.Caller, StringComparer.Ordinal, cancellationToken);
            return [.. top.Select((t, i) => new TopCaller(i + 1, t.Caller, traffic.GetValueOrDefault(t.Caller)?.Calls ?? 0, traffic.GetValueOrDefault(t.Caller)?.Seconds ?? 0, Money.RoundCents(t.CallerRevenue), Money.RoundCents(t.HolderShare)))];
        }
        else
        {
            var top = await byCaller.OrderByDescending(c => c.Seconds).ThenByDescending(c => c.Calls).ThenBy(c => c.Caller).Take(Size).ToListAsync(cancellationToken);
            var callers = top.Select(t => t.Caller).ToList();
            var money = await byRevenue.Where(r => callers.Contains(r.Caller)).ToDictionaryAsync(r => r.Caller, StringComparer.Ordinal, cancellationToken);
            return [.. top.Select((t, i) => new TopCaller(i + 1, t.Caller, t.Calls, t.Seconds, Money.RoundCents(money.GetValueOrDefault(t.Caller)?.CallerRevenue ?? 0m), Money.RoundCents(money.GetValueOrDefault(t.Caller)?.HolderShare ?? 0m)))];
        }
    }
}
