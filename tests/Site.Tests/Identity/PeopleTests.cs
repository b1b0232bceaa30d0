using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Testing;

namespace Store.Site.Tests.Identity;

public sealed class PeopleTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private async Task<List<Membership>> MembershipsOfAsync(Guid customerId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StoreDb>().Memberships.AsNoTracking().Where(m => m.CustomerId == customerId).ToListAsync();
    }

    [Fact]
    public async Task An_owner_invites_a_billing_person_who_joins_then_removes_them_and_it_is_all_in_the_audit_log()
    {
        var (_, ownerKey, customerId) = await factory.CreateEnrolledUserAsync("owner@traiteur.fr", MemberRole.Owner);
        var owner = factory.Browser();
        await owner.SignInWithCodeAsync("owner@traiteur.fr", ownerKey);

        var invited = await owner.SubmitAsync($"/Account/People?accountId={customerId}", new Dictionary<string, string> { ["Invite.Email"] = "compta@traiteur.fr", ["Invite.Role"] = "Billing" }, action: "handler=Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var mail = Assert.Single(await factory.MailsToAsync("compta@traiteur.fr"));
        Assert.Equal("invitation", mail.Kind);

        await factory.CreateUserAsync("compta@traiteur.fr");
        var billing = factory.Browser();
        await billing.SignInAsync("compta@traiteur.fr");
        var accepted = await billing.SubmitAsync(IdentityTestKit.LinkIn(mail), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var joined = Assert.Single(await MembershipsOfAsync(customerId!.Value), m => m.Role == MemberRole.Billing);

        // A billing administrator must enrol two-factor before anything else, and cannot manage people.
        Assert.Equal("/Account/Manage/EnableAuthenticator", (await billing.GetAsync($"/Account/People?accountId={customerId}")).Headers.Location!.OriginalString);

        // The link works once.
        Assert.Contains("n'est plus valable", FormClient.Text(await billing.GetPageAsync(IdentityTestKit.LinkIn(mail))), StringComparison.Ordinal);

        var removed = await owner.SubmitAsync($"/Account/People?accountId={customerId}", new Dictionary<string, string> { ["membershipId"] = joined.Id.ToString() }, action: "handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(await MembershipsOfAsync(customerId.Value), m => m.Role == MemberRole.Billing);

        var log = FormClient.Text(await owner.GetPageAsync("/Account/Manage/SecurityLog"));
        Assert.Contains("Invitation acceptée", log, StringComparison.Ordinal);
        Assert.Contains("Personne retirée", log, StringComparison.Ordinal);
        Assert.Contains("compta@traiteur.fr", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_cannot_open_the_people_of_the_account()
    {
        await factory.CreateUserAsync("member@traiteur.fr", ownerOf: MemberRole.Member);
        var member = factory.Browser();
        await member.SignInAsync("member@traiteur.fr");
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/Account/People")).StatusCode);
    }

    [Fact]
    public async Task An_owner_creates_a_sub_account_under_the_main_account()
    {
        var (_, key, customerId) = await factory.CreateEnrolledUserAsync("owner@agence.fr", MemberRole.Owner);
        var owner = factory.Browser();
        await owner.SignInWithCodeAsync("owner@agence.fr", key);

        var created = await owner.SubmitAsync($"/Account/SubAccounts?accountId={customerId}", new Dictionary<string, string> { ["Name"] = "Agence de Lyon" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using var scope = factory.Services.CreateScope();
        var child = await scope.ServiceProvider.GetRequiredService<StoreDb>().Customers.SingleAsync(c => c.LegalName == "Agence de Lyon");
        Assert.Equal(customerId, child.ParentId);
        Assert.Contains("Agence de Lyon", FormClient.Text(await owner.GetPageAsync($"/Account/SubAccounts?accountId={customerId}")), StringComparison.Ordinal);
    }
}
