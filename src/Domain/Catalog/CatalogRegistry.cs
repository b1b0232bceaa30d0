namespace Store.Domain.Catalog;

/// <summary>
/// Every published catalog version, in memory. New sales use the version in force on the day;
/// a subscription is priced by the version it signed, whatever came after, unless a correction of that version was
/// published: then it is rated with the correction (<see cref="ForRating"/>).
/// </summary>
public sealed class CatalogRegistry
{
    private volatile Published _published = new([], new Dictionary<string, CatalogVersion>(StringComparer.Ordinal));

    public IReadOnlyList<CatalogVersion> Versions => _published.Versions;

    public void Replace(IEnumerable<CatalogVersion> versions)
    {
        var ordered = versions.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Version, StringComparer.Ordinal).ToArray();
        var correctionOf = new Dictionary<string, CatalogVersion>(StringComparer.Ordinal);
        foreach (var correction in ordered.Where(v => v.Corrects is not null))
        {
            correctionOf[correction.Corrects!] = correction;
        }

        _published = new Published(ordered, correctionOf);
    }

    /// <summary>
    /// The version in force on <paramref name="day"/>: the latest whose effective date has come, as corrected.
    /// A correction is never in force by itself: it stands in for the version it corrects.
    /// </summary>
    public CatalogVersion InForceOn(DateOnly day)
    {
        var versions = _published.Versions;
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            if (versions[i].Corrects is null && versions[i].EffectiveFrom <= day)
            {
                return ForRating(versions[i].Version);
            }
        }

        throw new InvalidOperationException(versions.Count == 0
            ? "No catalog version is published: add a file under the catalog folder."
            : $"No catalog version is in force on {day:yyyy-MM-dd}; the first one starts on {versions[0].EffectiveFrom:yyyy-MM-dd}.");
    }

    /// <summary>A version by its name, as a subscription records it.</summary>
    public CatalogVersion Get(string version) =>
        _published.Versions.FirstOrDefault(v => v.Version == version)
        ?? throw new KeyNotFoundException($"Catalog version '{version}' is not published.");

    /// <summary>
    /// The version that rates the calls of a subscription signed on <paramref name="version"/>: the version itself,
    /// or its latest correction (a correction may itself be corrected).
    /// </summary>
    public CatalogVersion ForRating(string version)
    {
        var published = _published;
        var current = Get(version);
        for (var hops = 0; published.CorrectionOf.TryGetValue(current.Version, out var correction); hops++)
        {
            if (hops > published.Versions.Count)
            {
                throw new InvalidOperationException($"The corrections of catalog version '{version}' go round in a circle.");
            }

            current = correction;
        }

        return current;
    }

    /// <summary>The versions <paramref name="correction"/> corrects, directly or through earlier corrections.</summary>
    public IReadOnlyList<string> CorrectedBy(string correction)
    {
        var corrected = new List<string>();
        for (var current = Get(correction); current.Corrects is { } earlier && corrected.Count <= _published.Versions.Count; current = Get(earlier))
        {
            corrected.Add(earlier);
        }

        return corrected;
    }

    private sealed record Published(IReadOnlyList<CatalogVersion> Versions, IReadOnlyDictionary<string, CatalogVersion> CorrectionOf);
}
