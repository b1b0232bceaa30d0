using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Mail;
using Store.Domain.Subscriptions;
using Store.Domain.Tenancy;

namespace Store.Domain.Persistence;

/// <summary>
/// Store's database. Each provider has its own migrations, generated from the repository root with:
/// <code>
/// dotnet ef migrations add NAME -p src/Domain -s src/Domain -c SqliteStoreDb -o Persistence/Migrations/Sqlite
/// dotnet ef migrations add NAME -p src/Domain -s src/Domain -c SqlServerStoreDb -o Persistence/Migrations/SqlServer
/// </code>
/// </summary>
public abstract class StoreDb(DbContextOptions options, TenantScope? tenant) : IdentityDbContext<StoreUser, StoreRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Whose data the queries of this context may return; see <see cref="TenantScope"/>.</summary>
    public TenantScope Tenant { get; } = tenant ?? new TenantScope();

    public DbSet<PublishedCatalog> Catalogs => Set<PublishedCatalog>();

    public DbSet<Reseller> Resellers => Set<Reseller>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<SubscriptionOption> SubscriptionOptions => Set<SubscriptionOption>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<KnownDevice> KnownDevices => Set<KnownDevice>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public DbSet<Numbers.TelephoneNumber> Numbers => Set<Numbers.TelephoneNumber>();

    /// <summary>Call events from the platform: idempotency by event id, and what live figures are rebuilt from.</summary>
    public DbSet<Calls.CallEvent> CallEvents => Set<Calls.CallEvent>();

    public DbSet<Calls.QuarantinedCallEvent> QuarantinedCallEvents => Set<Calls.QuarantinedCallEvent>();

    /// <summary>The keys that protect cookies and e-mailed links, shared by every process and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.ApplyConfigurationsFromAssembly(typeof(StoreDb).Assembly);

        // Tenant isolation, in this one place: every query of customer data goes through these filters.
        builder.Entity<Customer>().HasQueryFilter(c => !Tenant.Restricted || c.ResellerId == Tenant.ResellerId || Tenant.CustomerIds.Contains(c.Id));
        builder.Entity<Contract>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Subscription>().HasQueryFilter(x => !Tenant.Restricted || Contracts.Any(c => c.Id == x.ContractId));
        builder.Entity<SubscriptionOption>().HasQueryFilter(x => !Tenant.Restricted || Subscriptions.Any(s => s.Id == x.SubscriptionId));
        builder.Entity<Numbers.TelephoneNumber>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Calls.CallEvent>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
        configurationBuilder.Properties<Currency>().HaveConversion<string>().HaveMaxLength(3);
        configurationBuilder.Properties<Market>().HaveConversion<string>().HaveMaxLength(2);
        configurationBuilder.Properties<PricePeriod>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ProductKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ContractStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MemberRole>().HaveConversion<string>().HaveMaxLength(16);
    }
}

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqliteStoreDb(DbContextOptions<SqliteStoreDb> options, TenantScope? tenant = null) : StoreDb(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date-time-offset type: stored as a sortable 64-bit number so that ranges and ordering run in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Production: SQL Server, shared by every process.</summary>
public sealed class SqlServerStoreDb(DbContextOptions<SqlServerStoreDb> options, TenantScope? tenant = null) : StoreDb(options, tenant);
