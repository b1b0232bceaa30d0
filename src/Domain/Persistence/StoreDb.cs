using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Billing;
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

    public DbSet<QuantityChange> QuantityChanges => Set<QuantityChange>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<KnownDevice> KnownDevices => Set<KnownDevice>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public DbSet<Numbers.TelephoneNumber> Numbers => Set<Numbers.TelephoneNumber>();

    public DbSet<Signup.SignupDraft> SignupDrafts => Set<Signup.SignupDraft>();

    public DbSet<Numbers.Routing.ScheduledDestinationChange> ScheduledDestinationChanges => Set<Numbers.Routing.ScheduledDestinationChange>();

    public DbSet<Numbers.Routing.BlockedCaller> BlockedCallers => Set<Numbers.Routing.BlockedCaller>();

    public DbSet<MailAttachment> MailAttachments => Set<MailAttachment>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();

    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();

    public DbSet<CreditNoteLine> CreditNoteLines => Set<CreditNoteLine>();

    public DbSet<DocumentSequence> DocumentSequences => Set<DocumentSequence>();

    public DbSet<BillingRun> BillingRuns => Set<BillingRun>();

    public DbSet<Billing.Statements.Statement> Statements => Set<Billing.Statements.Statement>();

    public DbSet<Billing.Statements.StatementLine> StatementLines => Set<Billing.Statements.StatementLine>();

    public DbSet<OneOffFeeEntry> OneOffFees => Set<OneOffFeeEntry>();

    public DbSet<ServiceIncident> ServiceIncidents => Set<ServiceIncident>();

    public DbSet<Numbers.SmartNumberTariff> SmartNumberTariffs => Set<Numbers.SmartNumberTariff>();

    public DbSet<Calls.CallRecord> CallRecords => Set<Calls.CallRecord>();

    public DbSet<Calls.QuarantinedCall> QuarantinedCalls => Set<Calls.QuarantinedCall>();

    public DbSet<Rating.CallCharge> CallCharges => Set<Rating.CallCharge>();

    public DbSet<Rating.UsageCounter> UsageCounters => Set<Rating.UsageCounter>();

    public DbSet<Rating.MonthlyCorrespondent> MonthlyCorrespondents => Set<Rating.MonthlyCorrespondent>();

    public DbSet<Payments.Receivable> Receivables => Set<Payments.Receivable>();

    public DbSet<Payments.Payment> Payments => Set<Payments.Payment>();

    public DbSet<Payments.BankStatementLine> BankStatementLines => Set<Payments.BankStatementLine>();

    public DbSet<Payments.StripeCharge> StripeCharges => Set<Payments.StripeCharge>();

    public DbSet<Payments.StripeRefund> StripeRefunds => Set<Payments.StripeRefund>();

    /// <summary>Stripe's webhook events, by event id: each processed once.</summary>
    public DbSet<Payments.StripeEvent> StripeEvents => Set<Payments.StripeEvent>();

    /// <summary>Call events from the platform: idempotency by event id, and what live figures are rebuilt from.</summary>
    public DbSet<Calls.CallEvent> CallEvents => Set<Calls.CallEvent>();

    public DbSet<Calls.QuarantinedCallEvent> QuarantinedCallEvents => Set<Calls.QuarantinedCallEvent>();

    /// <summary>The e-mail alerts customers set on their figures, who receives them, and which were told for which day.</summary>
    public DbSet<Calls.Alerts.FigureAlert> FigureAlerts => Set<Calls.Alerts.FigureAlert>();

    public DbSet<Calls.Alerts.AlertRecipient> AlertRecipients => Set<Calls.Alerts.AlertRecipient>();

    public DbSet<Calls.Alerts.AlertNotice> AlertNotices => Set<Calls.Alerts.AlertNotice>();

    /// <summary>The keys that protect cookies and e-mailed links, shared by every process and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.ApplyConfigurationsFromAssembly(typeof(StoreDb).Assembly);

        // Tenant isolation, in this one place: every query of customer data goes through these filters.
        // A scope without a reseller must not match every customer without one: compare reseller ids only when there is one.
        builder.Entity<Customer>().HasQueryFilter(c => !Tenant.Restricted || (Tenant.ResellerId != null && c.ResellerId == Tenant.ResellerId) || Tenant.CustomerIds.Contains(c.Id));
        builder.Entity<Contract>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Subscription>().HasQueryFilter(x => !Tenant.Restricted || Contracts.Any(c => c.Id == x.ContractId));
        builder.Entity<SubscriptionOption>().HasQueryFilter(x => !Tenant.Restricted || Subscriptions.Any(s => s.Id == x.SubscriptionId));
        builder.Entity<QuantityChange>().HasQueryFilter(x => !Tenant.Restricted || Subscriptions.Any(s => s.Id == x.SubscriptionId));
        builder.Entity<Numbers.TelephoneNumber>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Numbers.Routing.ScheduledDestinationChange>().HasQueryFilter(x => !Tenant.Restricted || Numbers.Any(n => n.Id == x.NumberId));
        builder.Entity<Numbers.Routing.BlockedCaller>().HasQueryFilter(x => !Tenant.Restricted || Numbers.Any(n => n.Id == x.NumberId));
        builder.Entity<Invoice>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<InvoiceLine>().HasQueryFilter(x => !Tenant.Restricted || Invoices.Any(i => i.Id == x.InvoiceId));
        builder.Entity<CreditNote>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<CreditNoteLine>().HasQueryFilter(x => !Tenant.Restricted || CreditNotes.Any(n => n.Id == x.CreditNoteId));
        builder.Entity<OneOffFeeEntry>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Billing.Statements.Statement>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Billing.Statements.StatementLine>().HasQueryFilter(x => !Tenant.Restricted || Statements.Any(s => s.Id == x.StatementId));
        builder.Entity<ServiceIncident>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Numbers.SmartNumberTariff>().HasQueryFilter(x => !Tenant.Restricted || Numbers.Any(n => n.Id == x.NumberId));
        builder.Entity<Calls.CallRecord>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Rating.CallCharge>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Rating.UsageCounter>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Rating.MonthlyCorrespondent>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Calls.Alerts.FigureAlert>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Calls.Alerts.AlertRecipient>().HasQueryFilter(x => !Tenant.Restricted || FigureAlerts.Any(a => a.Id == x.AlertId));
        builder.Entity<Calls.Alerts.AlertNotice>().HasQueryFilter(x => !Tenant.Restricted || FigureAlerts.Any(a => a.Id == x.AlertId));

        // Quarantined records may belong to no known customer: the operator's and the platform's business only.
        builder.Entity<Calls.QuarantinedCall>().HasQueryFilter(x => !Tenant.Restricted);

        builder.Entity<Payments.Receivable>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Payments.Payment>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Payments.StripeCharge>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
        builder.Entity<Payments.StripeRefund>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));

        // Webhook events are the operator's exchange with Stripe.
        builder.Entity<Payments.StripeEvent>().HasQueryFilter(x => !Tenant.Restricted);

        // Statement lines are the operator's bank account: nobody restricted to some customers reads them.
        builder.Entity<Payments.BankStatementLine>().HasQueryFilter(x => !Tenant.Restricted);
        builder.Entity<Calls.CallEvent>().HasQueryFilter(x => !Tenant.Restricted || Customers.Any(c => c.Id == x.CustomerId));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseChangesToIssuedDocuments();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChangesToIssuedDocuments();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>An issued invoice or credit note, and their lines, are written once and never updated or deleted.</summary>
    private void RefuseChangesToIssuedDocuments()
    {
        foreach (var entry in ChangeTracker.Entries<IIssuedDocument>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} is issued and cannot be {(entry.State == EntityState.Deleted ? "deleted" : "changed")}: issue a credit note instead.");
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(services => new UnindexedForeignKeys(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
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
