using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Store.Api.Relay;

/// <summary>
/// Keyset paging in SQL: items are ordered by a text key that ends with something unique (such as the id), the
/// cursor is that key, and a page is the items after (or before) it. No offsets, so pages do not shift when items
/// are added.
/// </summary>
public static class Paging
{
    public sealed class Keyed<T>
    {
        public T Item { get; set; } = default!;

        public string Key { get; set; } = string.Empty;
    }

    public static async Task<Connection<T>> PageAsync<T>(IQueryable<T> source, Expression<Func<T, string>> key, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(page);
        var parameter = key.Parameters[0];
        var keyed = source.Select(Expression.Lambda<Func<T, Keyed<T>>>(
            Expression.MemberInit(
                Expression.New(typeof(Keyed<T>)),
                Expression.Bind(typeof(Keyed<T>).GetProperty(nameof(Keyed<T>.Item))!, parameter),
                Expression.Bind(typeof(Keyed<T>).GetProperty(nameof(Keyed<T>.Key))!, key.Body)),
            parameter));

        var after = page.After is null ? null : CursorKey(page.After);
        var before = page.Before is null ? null : CursorKey(page.Before);
        if (after is not null)
        {
            keyed = keyed.Where(k => k.Key.CompareTo(after) > 0);
        }

        if (before is not null)
        {
            keyed = keyed.Where(k => k.Key.CompareTo(before) < 0);
        }

        var ordered = page.Backwards ? keyed.OrderByDescending(k => k.Key) : keyed.OrderBy(k => k.Key);
        var rows = await ordered.Take(page.Size + 1).ToListAsync(cancellationToken);
        var more = rows.Count > page.Size;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (page.Backwards)
        {
            rows.Reverse();
        }

        var edges = rows.Select(r => new Edge<T>(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(r.Key)), r.Item)).ToList();
        return new Connection<T>(
            edges,
            new PageInfo(
                HasNextPage: page.Backwards ? before is not null : more,
                HasPreviousPage: page.Backwards ? more : after is not null,
                StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
                EndCursor: edges.Count > 0 ? edges[^1].Cursor : null),
            source.CountAsync);
    }

    private static string CursorKey(string cursor)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw new GraphQL.ExecutionError("This cursor is not one this list gave.") { Code = "BAD_USER_INPUT" };
        }
    }
}
