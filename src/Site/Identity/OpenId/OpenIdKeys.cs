using System.Security.Cryptography.X509Certificates;

namespace Store.Site.Identity.OpenId;

/// <summary>
/// The server's keys: the configured PFX certificates, or development certificates kept in the machine user's
/// certificate store (shared by the processes of one machine, never by several machines).
/// </summary>
internal static class OpenIdKeys
{
    public static void AddTo(OpenIddictServerBuilder server, OpenIdSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.SigningCertificate))
        {
            server.AddDevelopmentSigningCertificate();
        }
        else
        {
            server.AddSigningCertificate(Load(settings.SigningCertificate, settings.SigningCertificatePassword));
            foreach (var file in settings.AdditionalSigningCertificates)
            {
                server.AddSigningCertificate(Load(file.Path, file.Password));
            }
        }

        if (string.IsNullOrWhiteSpace(settings.EncryptionCertificate))
        {
            server.AddDevelopmentEncryptionCertificate();
        }
        else
        {
            server.AddEncryptionCertificate(Load(settings.EncryptionCertificate, settings.EncryptionCertificatePassword));
        }
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The certificate file '{path}' named in {OpenIdSettings.Section} does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate file '{path}' has no private key: export it as PFX with its key.");
    }
}
