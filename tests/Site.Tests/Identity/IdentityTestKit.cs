using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Mail;
using Store.Domain.Persistence;
using Store.Testing;

namespace Store.Site.Tests.Identity;

internal static partial class IdentityTestKit
{
    public const string Password = "correct horse battery staple";

    public static HttpClient Browser(this StoreFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates a person with two-factor on and returns the authenticator key, as if they had enrolled.</summary>
    public static async Task<(StoreUser User, string Key, Guid? CustomerId)> CreateEnrolledUserAsync(this StoreFactory factory, string email, MemberRole? ownerOf = null)
    {
        var user = await factory.CreateUserAsync(email, ownerOf: ownerOf);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StoreUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
        await users.ResetAuthenticatorKeyAsync(stored);
        await users.SetTwoFactorEnabledAsync(stored, true);
        var key = (await users.GetAuthenticatorKeyAsync(stored))!;
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var customer = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.CustomerId).FirstOrDefaultAsync();
        return (stored, key, customer);
    }

    public static async Task SignInWithCodeAsync(this HttpClient client, string email, string key)
    {
        var first = await client.SignInAsync(email);
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var second = await client.SubmitAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, second.StatusCode);
    }

    public static async Task<StoreUser> CreateUserAsync(this StoreFactory factory, string email, bool confirmed = true, MemberRole? ownerOf = null)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StoreUser>>();
        var user = new StoreUser { UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = "Test Person", CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (ownerOf is { } role)
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var customer = new Customer("Boulangerie Martin SARL", Market.FR, new Address("1 rue de la Paix", null, "75002", "Paris", "FR"), email, DateTimeOffset.UtcNow);
            db.Customers.Add(customer);
            db.Memberships.Add(Membership.InCustomer(user.Id, customer.Id, role, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        return user;
    }

    public static async Task<List<OutboxMail>> MailsToAsync(this StoreFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        return await db.OutboxMails.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    public static string LinkIn(OutboxMail mail) => new Uri(LinkPattern().Match(mail.TextBody).Value).PathAndQuery;

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password) =>
        client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    [GeneratedRegex("https?://\\S+")]
    private static partial Regex LinkPattern();
}
