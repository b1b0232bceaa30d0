using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Payments;
using Store.Domain.Persistence;
using Store.Testing;

namespace Store.Site.Tests.Payments;

/// <summary>The real host with Stripe configured against the local stand-in, and a real SMTP server its mail goes to.</summary>
public sealed class StripeWorld : IAsyncLifetime
{
    public StripeStandIn Stripe { get; private set; } = null!;

    public TestSmtpServer Smtp { get; private set; } = null!;

    public StoreFactory Factory { get; } = new();

    public async Task InitializeAsync()
    {
        Stripe = await StripeStandIn.StartAsync();
        Smtp = await TestSmtpServer.StartAsync();
        foreach (var (key, value) in Stripe.Settings)
        {
            Factory.Settings[key] = value;
        }

        Factory.Settings["Store:Mail:Smtp:Host"] = "127.0.0.1";
        Factory.Settings["Store:Mail:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Factory.Settings["Store:Mail:Smtp:Security"] = "None";
        _ = Factory.Services;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    /// <summary>Posts an event to the webhook endpoint, signed as Stripe signs it unless told otherwise.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string payload, string? signature = "signed")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature == "signed" ? StripeStandIn.Sign(payload) : signature);
        }

        using var client = Factory.CreateClient();
        return await client.SendAsync(request);
    }

    /// <summary>Gives the customer a Stripe customer and a saved card or SEPA mandate, as a completed setup does.</summary>
    public async Task<string> SaveMethodAsync(Guid customerId, string type = "card")
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        var stripeCustomer = Stripe.AddCustomer(customer.LegalName);
        var method = Stripe.AddPaymentMethod(stripeCustomer, type);
        customer.LinkStripeCustomer(stripeCustomer);
        customer.SavePaymentMethod(method, StripeGateway.KindOf(type), DateTimeOffset.UtcNow.AddMinutes(-1));
        await db.SaveChangesAsync();
        return method;
    }

    public Task<Store.Jobs.Payments.CollectionReport> CollectAsync() => Factory.Services.GetRequiredService<Store.Jobs.Payments.StripeCollector>().RunAsync();

    public async Task<T> ReadAsync<T>(Func<StoreDb, Task<T>> read)
    {
        using var scope = Factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<StoreDb>());
    }
}
