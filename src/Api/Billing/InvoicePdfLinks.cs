using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Billing;
using Store.Domain.Persistence;

namespace Store.Api.Billing;

/// <summary>
/// Links to invoice PDFs that a client can hand to a browser: signed for one invoice and valid for a while, so only
/// a caller who could read the invoice gets one, and the download itself needs no token.
/// </summary>
public sealed class InvoicePdfLinks(IDataProtectionProvider protection, IHttpContextAccessor http, TimeProvider clock)
{
    public const int LifetimeMinutes = 60;
    public const string Path = "/billing/invoices";

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Store.Api.Billing.InvoicePdf").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _statements = protection.CreateProtector("Store.Api.Billing.StatementPdf").ToTimeLimitedDataProtector();

    /// <summary>A signed link to a statement's PDF (a token for statements cannot open an invoice, nor the other way).</summary>
    public string ForStatement(Guid statementId)
    {
        var token = _statements.Protect(statementId.ToString("N"), clock.GetUtcNow().AddMinutes(LifetimeMinutes));
        var request = http.HttpContext?.Request;
        var origin = request is null ? string.Empty : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{origin}/billing/statements/{statementId:N}.pdf?token={Uri.EscapeDataString(token)}";
    }

    public bool AllowsStatement(Guid statementId, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            return _statements.Unprotect(token, out var expiration) == statementId.ToString("N") && expiration > clock.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public string For(Guid invoiceId)
    {
        var token = _protector.Protect(invoiceId.ToString("N"), clock.GetUtcNow().AddMinutes(LifetimeMinutes));
        var request = http.HttpContext?.Request;
        var origin = request is null ? string.Empty : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{origin}{Path}/{invoiceId:N}.pdf?token={Uri.EscapeDataString(token)}";
    }

    /// <summary>Whether <paramref name="token"/> was given for <paramref name="invoiceId"/> and has not expired.</summary>
    public bool Allows(Guid invoiceId, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(token, out var expiration) == invoiceId.ToString("N") && expiration > clock.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path + "/{id:guid}.pdf", async (Guid id, string? token, InvoicePdfLinks links, StoreDb db, CancellationToken cancellationToken) =>
        {
            if (!links.Allows(id, token))
            {
                return Results.NotFound();
            }

            var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
            return invoice is null ? Results.NotFound() : Results.File(InvoicePdf.Render(invoice), "application/pdf", $"{invoice.Number}.pdf");
        });
}
