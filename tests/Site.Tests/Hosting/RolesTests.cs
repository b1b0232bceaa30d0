using System.Net;
using Store.Testing;

namespace Store.Site.Tests.Hosting;

/// <summary>One build, several roles: a process serves only what Store:Roles names.</summary>
public sealed class RolesTests
{
    [Fact]
    public async Task An_api_process_serves_GraphQL_and_no_pages()
    {
        await using var factory = new StoreFactory();
        factory.Settings["Store:Roles"] = "api";
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/graphql?query=%7Bplans%7Bcode%7D%7D")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_site_process_serves_pages_and_no_GraphQL()
    {
        await using var factory = new StoreFactory();
        factory.Settings["Store:Roles"] = "site";
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/graphql?query=%7Bplans%7Bcode%7D%7D")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_role_stops_the_start_with_its_name()
    {
        await using var factory = new StoreFactory();
        factory.Settings["Store:Roles"] = "site,billing";
        var e = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("billing", e.Message, StringComparison.Ordinal);
    }
}
