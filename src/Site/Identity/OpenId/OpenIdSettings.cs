namespace Store.Site.Identity.OpenId;

/// <summary>The OpenID Connect server's settings, under Store:Identity (see docs/identity-keys.md).</summary>
public sealed class OpenIdSettings
{
    public const string Section = "Store:Identity";

    public const string DefaultFirstPartyRedirectUri = "http://localhost:5080/signin-callback";

    /// <summary>The public base address of the site (https://store.example/); taken from each request when not set.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>PFX file of the certificate that signs tokens; development certificates when not set.</summary>
    public string? SigningCertificate { get; set; }

    public string? SigningCertificatePassword { get; set; }

    /// <summary>Further PFX files published with the signing certificate: the next one before a rotation, the previous one after.</summary>
    public List<CertificateFile> AdditionalSigningCertificates { get; } = [];

    /// <summary>PFX file of the certificate that encrypts authorization codes and refresh tokens.</summary>
    public string? EncryptionCertificate { get; set; }

    public string? EncryptionCertificatePassword { get; set; }

    public List<string> FirstPartyRedirectUris { get; } = [];

    /// <summary>The telephony platform's client secret; no platform client is created when not set.</summary>
    public string? PlatformClientSecret { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Requests to /connect/token allowed per client IP address and minute.</summary>
    public int TokenRequestsPerMinute { get; set; } = 30;

    /// <summary>Whether the endpoints refuse plain HTTP; off by default only in Development and Testing.</summary>
    public bool? RequireHttps { get; set; }

    public IReadOnlyList<string> RedirectUris => FirstPartyRedirectUris.Count > 0 ? FirstPartyRedirectUris : [DefaultFirstPartyRedirectUri];

    public bool UsesDevelopmentKeys => string.IsNullOrWhiteSpace(SigningCertificate) || string.IsNullOrWhiteSpace(EncryptionCertificate);
}

public sealed class CertificateFile
{
    public string Path { get; set; } = string.Empty;

    public string? Password { get; set; }
}
