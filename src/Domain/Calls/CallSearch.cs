using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Rating;

namespace Store.Domain.Calls;

/// <summary>The filters of the detailed call list (001): period, number, answered or missed, tariff, direction.</summary>
public sealed record CallFilter(DateTimeOffset? From = null, DateTimeOffset? To = null, Guid? NumberId = null, bool? Answered = null, int? Tariff = null, CallDirection? Direction = null);

/// <summary>A call as the customer sees it in the list: the record, what it cost in all (charges and adjustments), and the rule.</summary>
public sealed record ListedCall(CallRecord Call, decimal Amount, Currency? Currency, RatingRule? Rule, int RuleArg, ChargeCategory? Category, decimal RevenueShare)
{
    public string RuleText(string language) => Rule is { } rule ? Rating.RuleText.Describe(rule, RuleArg, language) : string.Empty;
}

/// <summary>
/// The call list, newest first, by keyset (the start time and the id): pages do not shift while calls arrive. The
/// tenant filters of the database decide whose calls are visible; this only narrows and orders them.
/// </summary>
public static class CallSearch
{
    public static IQueryable<CallRecord> Apply(IQueryable<CallRecord> calls, Guid customerId, CallFilter filter)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(filter);
        calls = calls.Where(c => c.CustomerId == customerId);
        if (filter.From is { } from)
        {
            calls = calls.Where(c => c.StartedAt >= from);
        }

        if (filter.To is { } to)
        {
            calls = calls.Where(c => c.StartedAt < to);
        }

        if (filter.NumberId is { } number)
        {
            calls = calls.Where(c => c.NumberId == number);
        }

        if (filter.Answered is { } answered)
        {
            calls = answered ? calls.Where(c => c.Disposition == CallDisposition.Answered) : calls.Where(c => c.Disposition != CallDisposition.Answered);
        }

        if (filter.Tariff is { } tariff)
        {
            calls = calls.Where(c => c.Tariff == tariff);
        }

        if (filter.Direction is { } direction)
        {
            calls = calls.Where(c => c.Direction == direction);
        }

        return calls;
    }

    /// <summary>One page of calls older than the cursor, newest first, with their charges; the next cursor when more remain.</summary>
    public static async Task<(IReadOnlyList<ListedCall> Calls, string? Next)> PageAsync(Persistence.StoreDb db, Guid customerId, CallFilter filter, int size, string? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = Apply(db.CallRecords.AsNoTracking(), customerId, filter);
        if (Cursor(after) is { } cursor)
        {
            query = query.Where(c => c.StartedAt < cursor.StartedAt || (c.StartedAt == cursor.StartedAt && c.Id.CompareTo(cursor.Id) < 0));
        }

        var rows = await query.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        var more = rows.Count > size;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return (await WithChargesAsync(db, rows, cancellationToken), more ? CursorOf(rows[^1]) : null);
    }

    public static async Task<IReadOnlyList<ListedCall>> WithChargesAsync(Persistence.StoreDb db, IReadOnlyList<CallRecord> calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calls);
        var ids = calls.Select(c => c.Id).ToList();
        var charges = (await db.CallCharges.AsNoTracking().Where(c => ids.Contains(c.CallRecordId)).ToListAsync(cancellationToken)).ToLookup(c => c.CallRecordId);
        return [.. calls.Select(call =>
        {
            var rows = charges[call.Id].OrderBy(c => c.RatedAt).ToList();
            var priced = rows.LastOrDefault(c => c.Kind == ChargeKind.Charge) ?? rows.LastOrDefault();
            return new ListedCall(call, rows.Sum(c => c.Amount), priced?.Currency, priced?.Rule, priced?.RuleArg ?? 0, priced?.Category, rows.Sum(c => c.RevenueShare));
        })];
    }

    public static string CursorOf(CallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{call.StartedAt.Ticks}|{call.StartedAt.Offset.TotalMinutes}|{call.Id:N}")));
    }

    private static (DateTimeOffset StartedAt, Guid Id)? Cursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            // The start exactly as stored (local ticks and offset), so that equality holds in SQL.
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|');
            return parts.Length == 3 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var offset)
                && offset is >= -840 and <= 840 && ticks is > 0 and < 3155378975999999999 && Guid.TryParseExact(parts[2], "N", out var id)
                ? (new DateTimeOffset(ticks, TimeSpan.FromMinutes(offset)), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
