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

    public string For(Guid invoiceId) => Link(_protector, Path, invoiceId);

    /// <summary>Whether <paramref name="token"/> was given for <paramref name="invoiceId"/> and has not expired.</summary>
    public bool Allows(Guid invoiceId, string? token) => Opens(_protector, invoiceId, token);

    /// <summary>A signed link to a statement's PDF (a token for statements cannot open an invoice, nor the other way).</summary>
    public string ForStatement(Guid statementId) => Link(_statements, "/billing/statements", statementId);

    public bool AllowsStatement(Guid statementId, string? token) => Opens(_statements, statementId, token);

    private string Link(ITimeLimitedDataProtector protector, string path, Guid id)
    {
        var token = protector.Protect(id.ToString("N"), clock.GetUtcNow().AddMinutes(LifetimeMinutes));
        var request = http.HttpContext?.Request;
        var origin = request is null ? string.Empty : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{origin}{path}/{id:N}.pdf?token={Uri.EscapeDataString(token)}";
    }

    private bool Opens(ITimeLimitedDataProtector protector, Guid id, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            return protector.Unprotect(token, out var expiration) == id.ToString("N") && expiration > clock.GetUtcNow();
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
