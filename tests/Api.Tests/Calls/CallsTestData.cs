using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Tests.Identity;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Rating;
using Store.Domain.Subscriptions;
using Store.Site.Identity.OpenId;

namespace Store.Api.Tests.Calls;

/// <summary>Customers with a number and subscriptions, the platform's token, and call batches posted over HTTP.</summary>
internal static class CallsTestData
{
    public static readonly DateOnly March = new(2025, 3, 1);

    /// <summary>A French customer holding <paramref name="number"/>, subscribed to <paramref name="product"/> since 1 March 2025.</summary>
    public static async Task<Guid> AddCustomerAsync(IServiceProvider services, string number, string product = "forfait-start", int quantity = 1, Market market = Market.FR)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogRegistry>().Get("2025-03");
        var now = DateTimeOffset.UtcNow;
        var customer = new Customer("Client " + number, market, new Address("1 rue de la Paix", null, "75002", "Paris", "FR"), "billing@example.com", now);
        db.Customers.Add(customer);
        var contract = new Contract(customer.Id, "CT-" + Guid.NewGuid().ToString("N")[..10], catalog.Version, new ConditionsAcceptance("test@example.com", now, "127.0.0.1", "002,003"));
        contract.Activate();
        Subscription.Start(contract, catalog, product, PricePeriod.Monthly, quantity, March);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        await AddNumberAsync(services, customer.Id, number, market == Market.CH ? "CH" : "FR");
        return customer.Id;
    }

    public static async Task AddNumberAsync(IServiceProvider services, Guid customerId, string number, string region = "FR")
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var today = LocalTime.Today(TimeProvider.System);
        db.Numbers.Add(TelephoneNumber.RequestPorting(customerId, number, region, Porting.EarliestDate(today), null, today, DateTimeOffset.UtcNow).Value!);
        await db.SaveChangesAsync();
    }

    public static async Task<List<CallCharge>> ChargesAsync(IServiceProvider services, Guid customerId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StoreDb>().CallCharges.AsNoTracking().Where(c => c.CustomerId == customerId).OrderBy(c => c.RatedAt).ToListAsync();
    }

    public static async Task<T> QueryAsync<T>(IServiceProvider services, Func<StoreDb, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<StoreDb>());
    }

    public static async Task<HttpClient> PlatformAsync(IdentityFactory factory)
    {
        var http = factory.CreateClient();
        var token = await http.TokenAsync(OpenIdClientSeeder.PlatformClientId, IdentityFactory.PlatformSecret);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostJsonAsync(this HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? new JsonObject());
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostTextAsync(this HttpClient http, string path, string body, string mediaType)
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        var response = await http.PostAsync(path, content);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? new JsonObject());
    }

    /// <summary>A record in Store's JSON format: an outbound call of <paramref name="seconds"/> answered at once.</summary>
    public static object Outbound(string callId, string from, string to, int seconds, string start = "2025-03-10T14:00:00+01:00", string user = "alice")
    {
        var started = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        return new { callId, user, direction = "outbound", caller = from, callee = to, startedAt = start, answeredAt = start, endedAt = started.AddSeconds(seconds).ToString("o", System.Globalization.CultureInfo.InvariantCulture), disposition = "answered" };
    }
}
