using Microsoft.EntityFrameworkCore;
using Store.Domain.Persistence;

namespace Store.Domain.Billing;

/// <summary>
/// The last number given in one series and year ("F-2026"). It is incremented inside the transaction that
/// saves the document, so a rolled-back document gives its number back: the series has no gap.
/// </summary>
public sealed class DocumentSequence
{
    private DocumentSequence()
    {
    }

    public string Key { get; private set; } = string.Empty;

    public long Last { get; private set; }

    /// <summary>
    /// The next number of <paramref name="series"/> for <paramref name="year"/>, e.g. "F-2026-000001". Must run in
    /// the caller's transaction: the row update holds the series until commit, so two issuers never share a number.
    /// </summary>
    public static async Task<string> NextAsync(StoreDb db, string series, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A document number is taken inside the transaction that saves the document.");
        }

        var key = $"{series}-{year:0000}";
        var updated = await db.DocumentSequences.Where(s => s.Key == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + 1), cancellationToken);
        if (updated == 0)
        {
            db.DocumentSequences.Add(new DocumentSequence { Key = key, Last = 1 });
            await db.SaveChangesAsync(cancellationToken);
            return Format(key, 1);
        }

        var last = await db.DocumentSequences.AsNoTracking().Where(s => s.Key == key).Select(s => s.Last).SingleAsync(cancellationToken);
        return Format(key, last);
    }

    private static string Format(string key, long number) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key}-{number:000000}");
}
