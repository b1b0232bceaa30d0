using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Store.Domain.Persistence;

namespace Store.Domain.Catalog;

public sealed class CatalogOptions
{
    /// <summary>The folder of catalog files (one JSON file per version). Defaults to the files shipped with the build.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "catalog");
}

/// <summary>
/// Publishes the catalog files into the database at start, then loads every published version into the registry.
/// A published version never changes: a file whose version exists with other content stops the start.
/// </summary>
public sealed partial class CatalogPublisher(StoreDb db, CatalogRegistry registry, IOptions<CatalogOptions> options, TimeProvider clock, ILogger<CatalogPublisher> log)
{
    public async Task PublishAsync(CancellationToken cancellationToken = default)
    {
        var files = ReadFolder(options.Value.Path);
        var stored = await db.Catalogs.AsNoTracking().ToDictionaryAsync(c => c.Version, StringComparer.Ordinal, cancellationToken);
        var known = stored.Values.Select(r => r.Read()).Where(v => files.All(f => f.Version.Version != v.Version)).Concat(files.Select(f => f.Version)).ToList();
        foreach (var (file, version) in files)
        {
            var problems = CatalogValidator.ValidateCorrection(version, known);
            if (problems.Count > 0)
            {
                throw new CatalogException(file, problems);
            }
        }

        var added = 0;
        foreach (var (file, version) in files)
        {
            var row = new PublishedCatalog(version, file, clock.GetUtcNow());
            if (stored.TryGetValue(version.Version, out var existing))
            {
                if (existing.Fingerprint != row.Fingerprint)
                {
                    throw new CatalogException(file, [new CatalogProblem("version", $"version '{version.Version}' was published on {existing.PublishedAt:yyyy-MM-dd} with other content, and a published version never changes; put the new content in a new file with a new version and effectiveFrom")]);
                }

                continue;
            }

            db.Catalogs.Add(row);
            added++;
        }

        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another process may have published the same files at the same time: then nothing is lost.
                if (!await AllPresentAsync(files, cancellationToken))
                {
                    throw;
                }
            }
        }

        await ReloadAsync(cancellationToken);
        LogPublished(log, added, registry.Versions.Count, registry.Versions[^1].Version);
    }

    /// <summary>Loads every published version from the database into the registry.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Catalogs.AsNoTracking().ToListAsync(cancellationToken);
        registry.Replace(rows.Select(r => r.Read()));
    }

    internal static List<(string File, CatalogVersion Version)> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CatalogException($"The catalog folder '{folder}' does not exist: set Store:Catalog:Path to the folder of catalog files.");
        }

        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new CatalogException($"The catalog folder '{folder}' holds no catalog file (*.json).");
        }

        var versions = files.Select(f => (File: f, Version: CatalogFile.Parse(f, File.ReadAllText(f)))).ToList();
        foreach (var twin in versions.GroupBy(v => v.Version.Version).Where(g => g.Count() > 1))
        {
            throw new CatalogException(twin.Last().File, [new CatalogProblem("version", $"version '{twin.Key}' is also the version of {twin.First().File}")]);
        }

        return versions;
    }

    private async Task<bool> AllPresentAsync(List<(string File, CatalogVersion Version)> files, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var names = files.Select(f => f.Version.Version).ToList();
        return await db.Catalogs.CountAsync(c => names.Contains(c.Version), cancellationToken) == names.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog: {Added} new version(s) published, {Total} in all, latest {Latest}")]
    private static partial void LogPublished(ILogger logger, int added, int total, string latest);
}
