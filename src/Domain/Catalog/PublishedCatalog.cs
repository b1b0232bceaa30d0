namespace Store.Domain.Catalog;

/// <summary>A catalog version as stored: the checked document, word for word, and its fingerprint.</summary>
public sealed class PublishedCatalog
{
    private PublishedCatalog()
    {
    }

    public PublishedCatalog(CatalogVersion version, string sourceFile, DateTimeOffset publishedAt)
    {
        Version = version.Version;
        EffectiveFrom = version.EffectiveFrom;
        Document = CatalogFile.Serialize(version);
        Fingerprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Document)));
        SourceFile = sourceFile;
        PublishedAt = publishedAt;
    }

    public int Id { get; private set; }

    public string Version { get; private set; } = string.Empty;

    public DateOnly EffectiveFrom { get; private set; }

    public string Document { get; private set; } = string.Empty;

    public string Fingerprint { get; private set; } = string.Empty;

    public string SourceFile { get; private set; } = string.Empty;

    public DateTimeOffset PublishedAt { get; private set; }

    public CatalogVersion Read() => CatalogFile.Parse($"database: catalog version {Version}", Document);
}
