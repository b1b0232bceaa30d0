using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Store.Testing;

namespace Store.Api.Tests.Identity;

/// <summary>The host with the telephony platform's client configured and a clock the tests can move forward.</summary>
public sealed class IdentityFactory : StoreFactory
{
    public const string PlatformSecret = "platform-secret-for-tests-0123456789";

    public IdentityFactory()
    {
        Settings["Store:Identity:PlatformClientSecret"] = PlatformSecret;
    }

    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The system clock, shifted by what a test adds.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
