namespace Store.Domain.Catalog;

/// <summary>
/// Every published catalog version, in memory. New sales use the version in force on the day;
/// a subscription is priced by the version it signed, whatever came after.
/// </summary>
public sealed class CatalogRegistry
{
    private volatile IReadOnlyList<CatalogVersion> _versions = [];

    public IReadOnlyList<CatalogVersion> Versions => _versions;

    public void Replace(IEnumerable<CatalogVersion> versions) =>
        _versions = versions.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Version, StringComparer.Ordinal).ToArray();

    /// <summary>The version in force on <paramref name="day"/>: the latest whose effective date has come.</summary>
    public CatalogVersion InForceOn(DateOnly day)
    {
        var versions = _versions;
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            if (versions[i].EffectiveFrom <= day)
            {
                return versions[i];
            }
        }

        throw new InvalidOperationException(versions.Count == 0
            ? "No catalog version is published: add a file under the catalog folder."
            : $"No catalog version is in force on {day:yyyy-MM-dd}; the first one starts on {versions[0].EffectiveFrom:yyyy-MM-dd}.");
    }

    /// <summary>A version by its name, as a subscription records it.</summary>
    public CatalogVersion Get(string version) =>
        _versions.FirstOrDefault(v => v.Version == version)
        ?? throw new KeyNotFoundException($"Catalog version '{version}' is not published.");
}
