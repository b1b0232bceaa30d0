using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Tenancy;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.CustomerArea;

/// <summary>
/// A page of the customer area: the account the person manages (owner or administrator), and the request's tenant
/// scope narrowed to it, so the database's query filters keep every other customer's data out of reach.
/// </summary>
[Authorize]
public abstract class CustomerAreaPage(AccountAccess access, TenantScope tenant, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? AccountId { get; set; }

    public ManagedAccount Account { get; private set; } = null!;

    public IReadOnlyList<ManagedAccount> Accounts { get; private set; } = [];

    protected IStringLocalizer<SiteTexts> Texts { get; } = texts;

    protected TimeProvider Clock { get; } = clock;

    protected CatalogRegistry Catalogs { get; } = catalogs;

    public DateOnly Today => LocalTime.Today(Clock);

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>Finds the account and narrows what the request may read to it; false when the person manages none.</summary>
    protected async Task<bool> EnterAsync()
    {
        Accounts = [.. (await access.ManagedByAsync(User)).Where(a => !a.IsReseller)];
        var account = AccountId is { } id ? Accounts.FirstOrDefault(a => a.Id == id) : Accounts.Count > 0 ? Accounts[0] : null;
        if (account is null)
        {
            tenant.RestrictToNothing();
            return false;
        }

        Account = account;
        AccountId = account.Id;
        tenant.Restrict(null, [account.Id]);
        return true;
    }

    public static string Money(Money money) => money.Format(CultureInfo.CurrentCulture);

    public static string Date(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    public static string Moment(DateTimeOffset instant) => LocalTime.In(instant).ToString("g", CultureInfo.CurrentCulture);

    public string Name(LocalizedText text) => text.In(Language);

    public string Message(Problem problem) => ProblemMessages.Describe(Texts, problem);

    /// <summary>Each problem next to its field (by the domain's field name), in the visitor's language.</summary>
    protected void Show(IEnumerable<Problem> problems, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(prefix + problem.Field, Message(problem));
        }
    }

    protected IActionResult NoAccount() => RedirectToPage("/Signup/Index");
}
