using Microsoft.EntityFrameworkCore;
using Store.Domain.Persistence;
using Store.Domain.Signup;

namespace Store.Site.Signup;

/// <summary>The visitor's signup draft: found by the id in its cookie, created on first use, saved after each step.</summary>
public sealed class SignupSession(StoreDb db, IHttpContextAccessor http, TimeProvider clock)
{
    public const string CookieName = "store.signup";

    /// <summary>The draft in progress, or null when the visitor has none (or it was already placed).</summary>
    public async Task<SignupDraft?> FindAsync(CancellationToken cancellationToken = default)
    {
        var cookie = http.HttpContext?.Request.Cookies[CookieName];
        if (!Guid.TryParse(cookie, out var id))
        {
            return null;
        }

        return await db.SignupDrafts.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    public async Task<SignupDraft> FindOrStartAsync(CancellationToken cancellationToken = default)
    {
        var draft = await FindAsync(cancellationToken);
        if (draft is not null && draft.CustomerId is null)
        {
            return draft;
        }

        draft = new SignupDraft(clock.GetUtcNow());
        db.SignupDrafts.Add(draft);
        var context = http.HttpContext!;
        context.Response.Cookies.Append(CookieName, draft.Id.ToString("N"), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
        });
        return draft;
    }

    public async Task SaveAsync(SignupDraft draft, SignupOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Save(order, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
