namespace Store.Domain.Mail;

/// <summary>How Store sends e-mail (configuration section <c>Store:Mail</c>).</summary>
public sealed class MailOptions
{
    public const string Section = "Store:Mail";

    public string From { get; set; } = "Store <no-reply@store.localhost>";

    /// <summary>Used when <see cref="SmtpOptions.Host"/> is set.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where mails are written as .eml files when no SMTP host is set; relative to the content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";

    /// <summary>Delay before the first retry of a failed mail; each later retry waits twice as long.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,

    /// <summary>TLS on connect for port 465, else STARTTLS when the server offers it.</summary>
    Auto,
}
