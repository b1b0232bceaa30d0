using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Domain.Tenancy;
using Store.Site.Localization;
using Store.Site.Signup;

namespace Store.Site.Pages.Reseller;

/// <summary>
/// A reseller's customers: each with its state and recurring monthly revenue, and a customer opened on their behalf
/// with a first subscription. The tenant scope is narrowed to the reseller, so only its customers are read.
/// </summary>
[Authorize]
public sealed class CustomersModel(
    StoreDb db,
    TenantScope tenant,
    CreateCustomer createCustomer,
    SubscribeCustomer subscribe,
    UserManager<StoreUser> users,
    CatalogRegistry catalogs,
    TimeProvider clock,
    IStringLocalizer<SiteTexts> texts) : PageModel
{
    public sealed record Row(Customer Customer, int ActiveContracts, int PendingContracts, Money? MonthlyRevenue);

    public sealed class InputModel
    {
        public string? LegalName { get; set; }

        public string? CompanyNumber { get; set; }

        public string? VatNumber { get; set; }

        public string? BillingEmail { get; set; }

        public string? Line1 { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }

        public string ProductCode { get; set; } = "forfait-pro";

        public int Users { get; set; } = 1;

        public PricePeriod Period { get; set; } = PricePeriod.Monthly;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Done { get; private set; }

    public CatalogVersion Catalog => catalogs.InForceOn(LocalTime.Today(clock));

    public async Task<IActionResult> OnGetAsync() => await ListAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostOnboardAsync()
    {
        if (!Enter(out var resellerId))
        {
            return Forbid();
        }

        var address = new Address(Input.Line1?.Trim() ?? string.Empty, null, Input.PostalCode?.Trim() ?? string.Empty, Input.City?.Trim() ?? string.Empty, "FR");
        var checkedCustomer = CreateCustomer.Check(new CreateCustomerCommand(Input.LegalName ?? string.Empty, Market.FR, Input.CompanyNumber, Input.VatNumber, Input.BillingEmail ?? string.Empty, address, resellerId));
        foreach (var problem in checkedCustomer.Problems)
        {
            ModelState.AddModelError(CompanyFormFields.Of(problem.Field), Message(problem));
        }

        if (Catalog.FindPlan(Input.ProductCode) is null || Input.Users is < 1 or > 500)
        {
            ModelState.AddModelError("Input.Users", texts["problem.OUT_OF_RANGE"]);
        }

        if (!ModelState.IsValid || checkedCustomer.Value is not { } command)
        {
            await ListAsync();
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var customer = await createCustomer.RunAsync(command);
        var signer = await users.GetUserAsync(User);
        var acceptance = new ConditionsAcceptance($"{signer?.Email} (reseller)", clock.GetUtcNow(), HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", $"CPS-002;RC-003;catalog-{Catalog.Version}");
        var subscription = await subscribe.RunAsync(new SubscribeCommand(customer.Value!.Id, Input.ProductCode, Input.Period, Input.Users, [], LocalTime.Today(clock), acceptance));
        if (subscription.Value is null)
        {
            foreach (var problem in subscription.Problems)
            {
                ModelState.AddModelError(string.Empty, Message(problem));
            }

            await ListAsync();
            return Page();
        }

        // Paid by bank transfer on the reseller's invoice terms: active at once.
        (await db.Contracts.SingleAsync(c => c.Id == subscription.Value.ContractId)).Activate();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Done = texts["reseller.customers.onboarded", customer.Value.LegalName];
        Input = new InputModel();
        ModelState.Clear();
        await ListAsync();
        return Page();
    }

    private bool Enter(out Guid resellerId)
    {
        if (!Guid.TryParse(User.FindFirstValue(StoreClaims.ResellerId), out resellerId))
        {
            tenant.RestrictToNothing();
            return false;
        }

        tenant.Restrict(resellerId, []);
        return true;
    }

    private async Task<bool> ListAsync()
    {
        if (!Enter(out _))
        {
            return false;
        }

        var today = LocalTime.Today(clock);
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.LegalName).Take(500).ToListAsync();
        var ids = customers.Select(c => c.Id).ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => ids.Contains(c.CustomerId)).ToListAsync();
        var contractIds = contracts.Select(c => c.Id).ToList();
        var subscriptions = await db.Subscriptions.AsNoTracking().Include(s => s.Options).Include(s => s.QuantityChanges).AsSplitQuery()
            .Where(s => contractIds.Contains(s.ContractId) && (s.EndsOn == null || s.EndsOn >= today)).ToListAsync();
        var customerOf = contracts.ToDictionary(c => c.Id, c => c.CustomerId);
        Rows = [.. customers.Select(c => new Row(
            c,
            contracts.Count(k => k.CustomerId == c.Id && k.Status == ContractStatus.Active),
            contracts.Count(k => k.CustomerId == c.Id && k.Status == ContractStatus.Pending),
            MonthlyRevenue(subscriptions.Where(s => customerOf[s.ContractId] == c.Id), today)))];
        return true;
    }

    /// <summary>What the customer's subscriptions bring a month, excluding VAT: a yearly price counts for a twelfth.</summary>
    private Money? MonthlyRevenue(IEnumerable<Subscription> subscriptions, DateOnly today)
    {
        Money? total = null;
        foreach (var s in subscriptions)
        {
            var catalog = catalogs.Get(s.CatalogVersion);
            var unit = s.UnitPrice(catalog);
            var perMonth = unit.Amount * s.QuantityOn(today) / (s.Period == PricePeriod.Yearly ? 12m : 1m);
            foreach (var o in s.Options.Where(o => o.StartsOn <= today && (o.EndsOn is null || o.EndsOn >= today)))
            {
                perMonth += (catalog.FindOption(o.OptionCode)?.Prices.FirstOrDefault(p => p.Period == PricePeriod.Monthly)?.Amount ?? 0m) * o.Quantity;
            }

            var money = new Money(Money.RoundCents(perMonth), unit.Currency);
            total = total is { } sum && sum.Currency == money.Currency ? sum + money : total ?? money;
        }

        return total;
    }

    public static string Format(Money? money) => money is { } m ? m.Format(CultureInfo.CurrentCulture) : "—";

    private string Message(Problem problem) => ProblemMessages.Describe(texts, problem);
}
