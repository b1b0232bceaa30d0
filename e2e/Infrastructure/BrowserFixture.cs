using Microsoft.Playwright;
using Store.Testing;

namespace Store.E2E.Infrastructure;

/// <summary>One host and one Chromium (Debian's, never a downloaded build) for the whole e2e run.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The demo person the host seeds (Store:Demo), administrator of the demo accounts.</summary>
    public const string DemoEmail = "demo@store.localhost";

    public const string DemoPassword = "a demo password for the e2e run";

    /// <summary>The telephony platform's client secret, for tests that post call events.</summary>
    public const string PlatformSecret = "platform secret for the e2e run 0123456789";

    private IPlaywright? _playwright;

    public StoreServer Server { get; private set; } = null!;

    /// <summary>A real SMTP server the host sends its mail to.</summary>
    public TestSmtpServer Mail { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public const string BackOfficeEmail = "exploitation@store.example";

    public const string BackOfficePassword = "une phrase de passe du back office";

    /// <summary>Where screenshots are kept as test artefacts.</summary>
    public static string Artifacts { get; } = Environment.GetEnvironmentVariable("STORE_E2E_ARTIFACTS")
        ?? Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Artifacts);
        Mail = await TestSmtpServer.StartAsync();
        Server = await StoreServer.StartAsync(new Dictionary<string, string>
        {
            ["Store:Mail:Smtp:Host"] = "127.0.0.1",
            ["Store:Mail:Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Store:Mail:Smtp:Security"] = "None",

            // The test rig serves plain HTTP on loopback: Secure cookies would be refused there.
            ["Store:Identity:SecureCookies"] = "false",

            // The demo accounts and the platform's client, for the live dashboard journey; tokens over plain HTTP on loopback.
            ["Store:Demo:Seed"] = "true",
            ["Store:Demo:Email"] = DemoEmail,
            ["Store:Demo:Password"] = DemoPassword,
            ["Store:Identity:PlatformClientSecret"] = PlatformSecret,
            ["Store:Identity:RequireHttps"] = "false",
            // The operator's back-office person, created at start (two-factor enrolment at first sign-in).
            ["Store:Identity:BackOffice:Email"] = BackOfficeEmail,
            ["Store:Identity:BackOffice:Password"] = BackOfficePassword,

            // Short, so that the socket suite sees the 4408 close without waiting ten seconds.
            ["Store:Api:WebSocket:ConnectionInitTimeout"] = "00:00:03",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync(string? locale = "fr-FR")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseAddress.ToString(), Locale = locale });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
