using Store.Domain.Catalog;

namespace Store.Domain.Tests.Catalog;

/// <summary>The catalog files shipped with the build, read the way the host reads them.</summary>
internal static class ShippedCatalog
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "catalog");

    private static readonly Lazy<CatalogVersion> Current = new(() => CatalogPublisher.ReadFolder(Folder).Single(v => v.Version.Version == "2025-03").Version);

    public static CatalogVersion Version2025_03 => Current.Value;

    public static string Text2025_03 => File.ReadAllText(Path.Combine(Folder, "2025-03.json"));
}
