using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Store.Domain.Catalog;
using Store.Domain.Mail;
using Store.Domain.Persistence;

namespace Store.Domain;

public static class Extensions
{
    /// <summary>Registers the database, the catalog and the domain services.</summary>
    public static IHostApplicationBuilder AddDomain(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var database = DatabaseSettings.From(configuration, builder.Environment.ContentRootPath);
        if (database.IsSqlServer)
        {
            builder.Services.AddDbContext<StoreDb, SqlServerStoreDb>(o => o.UseSqlServer(database.ConnectionString, sql => sql.EnableRetryOnFailure()));
        }
        else
        {
            builder.Services.AddDbContext<StoreDb, SqliteStoreDb>(o => o.UseSqlite(database.ConnectionString).AddInterceptors(new SqliteDurability()));
        }

        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Tenancy.TenantScope>();
        builder.Services.AddOptions<CatalogOptions>().Bind(configuration.GetSection("Store:Catalog"));
        builder.Services.AddSingleton<CatalogRegistry>();
        builder.Services.AddScoped<CatalogPublisher>();
        builder.Services.AddScoped<Customers.CreateCustomer>();
        builder.Services.AddScoped<Subscriptions.SubscribeCustomer>();
        builder.Services.AddScoped<Signup.PlaceSignupOrder>();
        builder.Services.AddScoped<Billing.FirstInvoice>();
        builder.Services.AddOptions<Billing.BillingOptions>().Bind(configuration.GetSection("Store:Billing"));
        builder.Services.AddScoped<Billing.IUsageSource, Rating.RatedUsage>();
        builder.Services.AddScoped<Calls.CallIngestion>();
        builder.Services.AddScoped<Rating.MonthRerating>();
        builder.Services.AddScoped<Payments.PaymentBook>();
        builder.Services.AddOptions<Payments.StripeOptions>().Bind(configuration.GetSection(Payments.StripeOptions.Section));
        builder.Services.AddScoped<Payments.StripePayments>();
        if (configuration.GetSection(Payments.StripeOptions.Section).Get<Payments.StripeOptions>() is { Configured: true })
        {
            // Without a secret key there is no gateway: nothing can reach Stripe, everyone pays by bank transfer.
            builder.Services.AddSingleton<Payments.StripeGateway>();
        }
        builder.AddMail();
        builder.Services.AddHostedService<StoreDatabase>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
