using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Store.Domain.Mail;

internal static class MailRegistration
{
    /// <summary>The outbox, and the transport chosen by configuration: SMTP when a host is set, else the pickup folder.</summary>
    public static void AddMail(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            .Validate(o => o.RetryBaseSeconds > 0, "Store:Mail:RetryBaseSeconds must be more than 0.")
            .PostConfigure(o => o.PickupFolder = Path.GetFullPath(Path.Combine(contentRoot, o.PickupFolder)));
        builder.Services.AddSingleton<MailSignal>();
        builder.Services.AddScoped<MailOutbox>();
        builder.Services.AddSingleton<IMailTransport>(services =>
            services.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
                ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(services)
                : ActivatorUtilities.CreateInstance<PickupFolderTransport>(services));
    }
}
