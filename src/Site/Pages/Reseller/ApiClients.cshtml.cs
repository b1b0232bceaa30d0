using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;
using Store.Site.Identity.OpenId;

namespace Store.Site.Pages.Reseller;

/// <summary>A reseller's API clients: list, create (the secret shown once), revoke after confirmation.</summary>
[Authorize]
public sealed class ApiClientsModel(ApiClients apiClients, UserManager<StoreUser> users, SecurityEvents events, StoreDb db) : PageModel
{
    public IReadOnlyList<ApiClient> Clients { get; private set; } = [];

    /// <summary>The client just created, whose secret this response shows for the only time.</summary>
    public NewApiClient? Created { get; private set; }

    /// <summary>The client the person asked to revoke, waiting for confirmation.</summary>
    public ApiClient? ToRevoke { get; private set; }

    public ApiClient? Revoked { get; private set; }

    public ApiClientError? Error { get; private set; }

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public static IReadOnlyList<string> ScopeChoices => StoreScopes.ForResellers;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await WithResellerAsync(_ => Task.CompletedTask, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken) =>
        await WithResellerAsync(async reseller =>
        {
            var result = await apiClients.CreateAsync(reseller, Input.DisplayName, Input.Scopes, cancellationToken);
            (Created, Error) = (result.Value, result.Error);
            if (Created is not null)
            {
                await AuditAsync("api-client-created", $"{Created.Client.DisplayName} ({Created.Client.ClientId}): {string.Join(' ', Created.Client.Scopes)}");
                Response.Headers.CacheControl = "no-store";
                Input = new CreateInput();
                ModelState.Clear();
            }
        }, cancellationToken);

    public async Task<IActionResult> OnPostAskRevokeAsync(string clientId, CancellationToken cancellationToken) =>
        await WithResellerAsync(_ =>
        {
            ToRevoke = Clients.FirstOrDefault(c => c.ClientId == clientId);
            Error = ToRevoke is null ? ApiClientError.NotFound : null;
            return Task.CompletedTask;
        }, cancellationToken);

    public async Task<IActionResult> OnPostRevokeAsync(string clientId, CancellationToken cancellationToken) =>
        await WithResellerAsync(async reseller =>
        {
            var result = await apiClients.RevokeAsync(reseller, clientId, cancellationToken);
            (Revoked, Error) = (result.Value, result.Error);
            if (Revoked is not null)
            {
                await AuditAsync("api-client-revoked", $"{Revoked.DisplayName} ({Revoked.ClientId})");
            }
        }, cancellationToken);

    private async Task AuditAsync(string action, string detail)
    {
        await events.RecordAsync(action, await users.GetUserAsync(User), detail: detail);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the action for the reseller the person belongs to, then lists its clients; 403 for anyone else.</summary>
    private async Task<IActionResult> WithResellerAsync(Func<Guid, Task> action, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(User.FindFirstValue(StoreClaims.ResellerId), out var reseller))
        {
            return Forbid();
        }

        Clients = await apiClients.ListAsync(reseller, cancellationToken);
        await action(reseller);
        if (Created is not null || Revoked is not null)
        {
            Clients = await apiClients.ListAsync(reseller, cancellationToken);
        }

        return Page();
    }

    public sealed class CreateInput
    {
        public string? DisplayName { get; set; }

        public List<string> Scopes { get; set; } = [];
    }
}
