using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Store.Domain;
using Store.Domain.Identity;
using Store.Domain.Mail;
using Store.Domain.Persistence;
using Store.Site.Localization;

namespace Store.Site.Identity;

/// <summary>
/// Records every sign-in and security change in the audit log, and tells the person by e-mail of the ones they
/// should know about (a new device, a changed password or second factor), in their language.
/// </summary>
public sealed class SecurityEvents(StoreDb db, MailOutbox outbox, SiteTexts texts, TimeProvider clock, IHttpContextAccessor http)
{
    public const string DeviceCookie = "Store.Device";

    /// <summary>Adds an audit entry to the unit of work, for the person and each account they belong to.</summary>
    public async Task RecordAsync(string action, StoreUser? user, string? email = null, string? detail = null)
    {
        var context = http.HttpContext;
        var ip = context?.Connection.RemoteIpAddress?.ToString();
        var agent = context?.Request.Headers.UserAgent.ToString();
        var now = clock.GetUtcNow();
        var memberships = user is null ? [] : await db.Memberships.AsNoTracking().Where(m => m.UserId == user.Id).ToListAsync();
        if (memberships.Count == 0)
        {
            db.AuditLog.Add(new AuditEntry(now, action, user?.Id, user?.Email ?? email, null, null, ip, agent, detail));
            return;
        }

        foreach (var m in memberships)
        {
            db.AuditLog.Add(new AuditEntry(now, action, user!.Id, user.Email, m.CustomerId, m.ResellerId, ip, agent, detail));
        }
    }

    /// <summary>Queues a security mail to the person, with the time, address and browser it came from.</summary>
    public void Alert(StoreUser user, string what, string? to = null)
    {
        var context = http.HttpContext;
        var culture = CultureInfo.GetCultureInfo(user.Language == "en" ? "en-GB" : "fr-FR");
        var when = LocalTime.In(clock.GetUtcNow()).ToString("f", culture);
        var subject = Text($"mail.security.{what}.subject", culture);
        var body = string.Format(culture, Text("mail.security.body", culture), Text($"mail.security.{what}.body", culture), when, context?.Connection.RemoteIpAddress?.ToString() ?? "?", context?.Request.Headers.UserAgent.ToString() ?? "?");
        outbox.Enqueue(to ?? user.Email!, subject, body, null, "security-" + what);
    }

    /// <summary>After a full sign-in: a browser never seen for this person is remembered, and announced unless it is their first.</summary>
    public async Task SignedInFromDeviceAsync(StoreUser user)
    {
        var context = http.HttpContext!;
        var device = context.Request.Cookies[DeviceCookie];
        if (string.IsNullOrEmpty(device) || device.Length > 64)
        {
            device = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(DeviceCookie, device, new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(400),
                IsEssential = true,
            });
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(device)));
        var known = await db.KnownDevices.Where(d => d.UserId == user.Id).ToListAsync();
        var same = known.FirstOrDefault(d => d.DeviceHash == hash);
        if (same is not null)
        {
            same.Seen(clock.GetUtcNow());
            return;
        }

        db.KnownDevices.Add(new KnownDevice(user.Id, hash, context.Request.Headers.UserAgent.ToString(), clock.GetUtcNow()));
        if (known.Count > 0)
        {
            Alert(user, "new-device");
        }
    }

    /// <summary>Queues a mail built from the texts "mail.{kind}.subject" and "mail.{kind}.body" (with {0} the link).</summary>
    public void Mail(StoreUser user, string kind, string link, string? to = null)
    {
        var culture = CultureInfo.GetCultureInfo(user.Language == "en" ? "en-GB" : "fr-FR");
        outbox.Enqueue(to ?? user.Email!, Text($"mail.{kind}.subject", culture), string.Format(culture, Text($"mail.{kind}.body", culture), link), null, kind);
    }

    private string Text(string key, CultureInfo culture) => texts.Find(key, culture) ?? throw new InvalidOperationException($"No text for {key}.");
}
