using Microsoft.EntityFrameworkCore;
using Store.Domain.Persistence;

namespace Store.Domain.Calls.Figures;

/// <summary>
/// Calls, minutes and revenue summed in the database, by customer, number and day (the call's start in the customer's
/// zone): a query returns one row per number and day, never the calls themselves. The database's tenant filters decide
/// whose calls are visible; this only narrows to the customers asked for.
/// </summary>
public static class CallFigures
{
    /// <summary>Each number's figures for each day from <paramref name="from"/> to <paramref name="to"/> (inclusive) that had calls.</summary>
    public static async Task<IReadOnlyList<NumberDay>> ByNumberAndDayAsync(StoreDb db, IReadOnlyCollection<Guid> customerIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customerIds);
        var ids = customerIds.ToList();
        var (after, before) = UsageMonth.Around(from, to);
        var calls = await db.CallRecords.AsNoTracking()
            .Where(c => ids.Contains(c.CustomerId) && c.StartedAt >= after && c.StartedAt < before && c.Day >= from && c.Day <= to)
            .GroupBy(c => new { c.CustomerId, c.NumberId, c.Day })
            .Select(g => new
            {
                g.Key.CustomerId,
                g.Key.NumberId,
                g.Key.Day,
                Calls = g.Count(),
                Missed = g.Count(c => c.Disposition != CallDisposition.Answered),
                Seconds = g.Sum(c => (long)c.Seconds),
            })
            .ToListAsync(cancellationToken);

        // Revenue: every charge and adjustment of the day's calls to premium numbers; a call's day is its record's.
        var revenue = (await (from charge in db.CallCharges.AsNoTracking()
                              join call in db.CallRecords.AsNoTracking() on charge.CallRecordId equals call.Id
                              where ids.Contains(call.CustomerId) && call.StartedAt >= after && call.StartedAt < before && call.Day >= @from && call.Day <= to && (charge.CallerAmount != 0m || charge.RevenueShare != 0m)
                              group charge by new { call.CustomerId, call.NumberId, call.Day } into g
                              select new { g.Key.CustomerId, g.Key.NumberId, g.Key.Day, Caller = g.Sum(c => c.CallerAmount), Share = g.Sum(c => c.RevenueShare) })
                .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.CustomerId, r.NumberId, r.Day));

        return [.. calls.Select(c =>
        {
            var money = revenue.GetValueOrDefault((c.CustomerId, c.NumberId, c.Day));
            return new NumberDay(c.CustomerId, c.NumberId, c.Day, new DayFigures(c.Calls, c.Missed, c.Seconds, money?.Caller ?? 0m, money?.Share ?? 0m));
        })];
    }

    /// <summary>What callers paid and the holder's share over whole months ("2026-01", ...), summed in the database.</summary>
    public static async Task<(decimal CallerRevenue, decimal HolderShare)> RevenueAsync(StoreDb db, Guid customerId, IReadOnlyCollection<string> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(periods);
        var months = periods.ToList();
        var total = await db.CallCharges.AsNoTracking()
            .Where(c => c.CustomerId == customerId && months.Contains(c.CallPeriod ?? c.Period))
            .GroupBy(c => c.CustomerId)
            .Select(g => new { Caller = g.Sum(c => c.CallerAmount), Share = g.Sum(c => c.RevenueShare) })
            .FirstOrDefaultAsync(cancellationToken);
        return (total?.Caller ?? 0m, total?.Share ?? 0m);
    }
}
