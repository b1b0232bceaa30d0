using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Store.Domain.Billing;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Mail;
using Store.Domain.Payments;
using Store.Domain.Subscriptions;
using Store.Site.Tests.Identity;
using Store.Testing;

namespace Store.Site.Tests.Payments;

public sealed class StripePaymentTests(StripeWorld world) : IClassFixture<StripeWorld>
{
    private StoreFactory Factory => world.Factory;

    private static Dictionary<string, string> Company(string email) => new()
    {
        ["Input.LegalName"] = "Cabinet Durand SARL",
        ["Input.CompanyNumber"] = "552032534",
        ["Input.VatNumber"] = "FR27552032534",
        ["Input.BillingEmail"] = email,
        ["Input.Line1"] = "3 rue du Bac",
        ["Input.PostalCode"] = "75007",
        ["Input.City"] = "Paris",
    };

    /// <summary>An enrolled person signs Forfait Start for 2 users up to the payment step, and is sent to Checkout.</summary>
    private async Task<(HttpClient Browser, Guid UserId, string Email, string SessionId)> SignUpToCheckoutAsync()
    {
        var email = $"owner.{Guid.NewGuid():N}@cabinet-durand.fr";
        var (user, key, _) = await Factory.CreateEnrolledUserAsync(email);
        var browser = Factory.Browser();
        await browser.SignInWithCodeAsync(email, key);
        await browser.SubmitToAsync("/Signup", "/Signup?handler=Next", new Dictionary<string, string> { ["ProductCode"] = "forfait-start", ["Users"] = "2", ["Period"] = "Monthly" });
        await browser.SubmitAsync("/Signup/Numbers", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/Signup/Company", Company(email))).StatusCode);
        Assert.Contains("mandat de prélèvement SEPA", FormClient.Text(await browser.GetPageAsync("/Signup/Summary")), StringComparison.Ordinal);

        var signed = await browser.SubmitAsync("/Signup/Summary", new Dictionary<string, string> { ["Accept"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var checkout = signed.Headers.Location!;
        Assert.Equal(world.Stripe.BaseAddress.Authority, checkout.Authority);
        return (browser, user.Id, email, checkout.Segments[^1]);
    }

    private Task<(Customer Customer, Contract Contract, int Welcomes)> AccountOfAsync(Guid userId, string email) => world.ReadAsync(async db =>
    {
        var customerId = await db.Memberships.Where(m => m.UserId == userId && m.CustomerId != null).Select(m => m.CustomerId!.Value).SingleAsync();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId);
        var contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.CustomerId == customerId);
        var welcomes = await db.OutboxMails.CountAsync(m => m.To == email && m.Kind == "welcome");
        return (customer, contract, welcomes);
    });

    /// <summary>Where Stripe sends the customer back after Checkout: the success URL with the session's id.</summary>
    private string SuccessPath(string sessionId) =>
        new Uri(((string)world.Stripe.Get(sessionId)["success_url"]!).Replace("{CHECKOUT_SESSION_ID}", sessionId, StringComparison.Ordinal)).PathAndQuery;

    [Fact]
    public async Task A_card_saved_in_Checkout_at_signup_activates_the_contract_on_return_and_the_webhooks_after_it_change_nothing()
    {
        var (browser, userId, email, sessionId) = await SignUpToCheckoutAsync();
        var (_, pending, noWelcome) = await AccountOfAsync(userId, email);
        Assert.Equal(ContractStatus.Pending, pending.Status);
        Assert.Equal(0, noWelcome);
        Assert.Contains("dès que votre moyen de paiement sera confirmé", FormClient.Text(await browser.GetPageAsync("/Signup/Done")), StringComparison.Ordinal);

        var method = world.Stripe.CompleteSetup(sessionId, "card");
        var back = FormClient.Text(await browser.GetPageAsync(SuccessPath(sessionId)));
        Assert.Contains("Il est actif", back, StringComparison.Ordinal);

        var (customer, contract, welcomes) = await AccountOfAsync(userId, email);
        Assert.Equal(ContractStatus.Active, contract.Status);
        Assert.Equal((PaymentMethod.Card, method), (customer.PaysBy, customer.StripePaymentMethodId));
        Assert.Equal(1, welcomes);
        var mail = await world.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains(contract.Number, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("la carte enregistrée", mail.TextBody ?? string.Empty, StringComparison.Ordinal);

        // Stripe's own news of the same setup comes after: recorded, and nothing happens twice.
        var completed = world.Stripe.Event("checkout.session.completed", sessionId);
        Assert.Equal(HttpStatusCode.OK, (await world.DeliverAsync(completed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.DeliverAsync(world.Stripe.Event("setup_intent.succeeded", (string)world.Stripe.Get(sessionId)["setup_intent"]!))).StatusCode);
        Assert.Contains("\"duplicate\":true", await (await world.DeliverAsync(completed)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await AccountOfAsync(userId, email)).Welcomes);
        Assert.Equal(2, await world.ReadAsync(db => db.StripeEvents.CountAsync(e => e.Type == "checkout.session.completed" || e.Type == "setup_intent.succeeded")));
    }

    [Fact]
    public async Task A_SEPA_mandate_confirmed_by_the_webhook_first_activates_the_contract_once_and_the_return_finds_it_active()
    {
        var (browser, userId, email, sessionId) = await SignUpToCheckoutAsync();
        world.Stripe.CompleteSetup(sessionId, "sepa_debit");

        var delivered = await world.DeliverAsync(world.Stripe.Event("setup_intent.succeeded", (string)world.Stripe.Get(sessionId)["setup_intent"]!));
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        var (customer, contract, welcomes) = await AccountOfAsync(userId, email);
        Assert.Equal((ContractStatus.Active, PaymentMethod.SepaDebit, 1), (contract.Status, customer.PaysBy, welcomes));

        Assert.Contains("Il est actif", FormClient.Text(await browser.GetPageAsync(SuccessPath(sessionId))), StringComparison.Ordinal);
        Assert.Equal(1, (await AccountOfAsync(userId, email)).Welcomes);
    }

    [Fact]
    public async Task An_issued_invoice_is_charged_once_even_after_a_crash_that_lost_Stripes_answer_and_when_the_job_runs_twice()
    {
        var (_, _, customerId) = await Factory.CreateEnrolledUserAsync($"paid.{Guid.NewGuid():N}@example.fr", MemberRole.Owner);
        await world.SaveMethodAsync(customerId!.Value);
        var invoice = await TestInvoices.IssueAsync(Factory.Services, customerId.Value);

        // The job queued the charge and sent it, then died before saving Stripe's answer.
        await world.ReadAsync(async db =>
        {
            var receivable = await db.Receivables.SingleAsync(r => r.InvoiceId == invoice.Id);
            var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
            var charge = new StripeCharge(receivable, customer.StripeCustomerId!, customer.StripePaymentMethodId!, customer.PaysBy, DateTimeOffset.UtcNow);
            db.StripeCharges.Add(charge);
            await db.SaveChangesAsync();
            return await Factory.Services.GetRequiredService<StripeGateway>().ChargeAsync(charge);
        });
        Assert.Equal(1, world.Stripe.PaymentIntentsFor(invoice.Id));

        var first = await world.CollectAsync();
        var second = await world.CollectAsync();
        Assert.Equal((1, 0), (first.Charged, second.Charged));
        Assert.Equal(1, world.Stripe.PaymentIntentsFor(invoice.Id));
        var sent = world.Stripe.Requests.Where(r => r.Path == "payment_intents" && r.Method == "POST" && r.IdempotencyKey == StripeCharge.KeyFor(invoice.Id)).Select(r => r.IdempotencyKey).ToList();
        Assert.Equal([StripeCharge.KeyFor(invoice.Id), StripeCharge.KeyFor(invoice.Id)], sent);

        var (payments, settled) = await world.ReadAsync(async db => (
            await db.Payments.Where(p => p.InvoiceId == invoice.Id).ToListAsync(),
            (await db.Receivables.SingleAsync(r => r.InvoiceId == invoice.Id)).SettledOn));
        var payment = Assert.Single(payments);
        Assert.Equal((95.76m, PaymentMethod.Card), (payment.Amount, payment.Method));
        Assert.NotNull(settled);

        // Stripe's payment_intent.succeeded, delivered twice, records nothing more.
        var succeeded = world.Stripe.Event("payment_intent.succeeded", payment.Reference!);
        Assert.Equal(HttpStatusCode.OK, (await world.DeliverAsync(succeeded)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.DeliverAsync(succeeded)).StatusCode);
        Assert.Equal(1, await world.ReadAsync(db => db.Payments.CountAsync(p => p.InvoiceId == invoice.Id)));
    }

    [Fact]
    public async Task A_declined_card_leaves_the_invoice_open_and_the_customer_is_mailed_once()
    {
        var email = $"declined.{Guid.NewGuid():N}@example.fr";
        var (_, _, customerId) = await Factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        var method = await world.SaveMethodAsync(customerId!.Value);
        world.Stripe.Declined[method] = true;
        var invoice = await TestInvoices.IssueAsync(Factory.Services, customerId.Value);

        Assert.Equal(1, (await world.CollectAsync()).Refused);
        var charge = await world.ReadAsync(db => db.StripeCharges.AsNoTracking().SingleAsync(c => c.InvoiceId == invoice.Id));
        Assert.Equal(StripeChargeStatus.Failed, charge.Status);
        Assert.Null(await world.ReadAsync(async db => (await db.Receivables.SingleAsync(r => r.InvoiceId == invoice.Id)).SettledOn));

        var mail = await world.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains("Paiement refusé", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains(invoice.Number, mail.TextBody ?? string.Empty, StringComparison.Ordinal);

        // Stripe's payment_failed event about the same intent, and another run of the job: nothing more.
        Assert.Equal(HttpStatusCode.OK, (await world.DeliverAsync(world.Stripe.Event("payment_intent.payment_failed", charge.PaymentIntentId!))).StatusCode);
        await world.CollectAsync();
        Assert.Equal(1, await world.ReadAsync(db => db.OutboxMails.CountAsync(m => m.To == email && m.Kind == PaymentMail.ChargeFailedKind)));
        Assert.Equal(0, await world.ReadAsync(db => db.Payments.CountAsync(p => p.InvoiceId == invoice.Id)));
    }

    [Fact]
    public async Task Out_of_order_news_comes_to_the_same_result_a_success_before_any_record_of_the_intent_and_an_old_failure_after_it()
    {
        var email = $"order.{Guid.NewGuid():N}@example.fr";
        var (_, key, customerId) = await Factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        var invoice = await TestInvoices.IssueAsync(Factory.Services, customerId!.Value);
        var browser = Factory.Browser();
        await browser.SignInWithCodeAsync(email, key);

        // Paid from the customer area through Checkout: Stripe's success event arrives before the customer is back.
        var page = $"/CustomerArea/Invoices?accountId={customerId}";
        var pay = await browser.SubmitToAsync(page, $"/CustomerArea/Invoices?accountId={customerId}&handler=Pay", new Dictionary<string, string> { ["invoiceId"] = invoice.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        var sessionId = pay.Headers.Location!.Segments[^1];
        Assert.Equal(9576L, (long)world.Stripe.Get(sessionId)["amount_total"]!);
        var intentId = world.Stripe.CompletePayment(sessionId);
        var failedEarlier = world.Stripe.Event("payment_intent.payment_failed", intentId);
        Assert.Equal(HttpStatusCode.OK, (await world.DeliverAsync(world.Stripe.Event("payment_intent.succeeded", intentId))).StatusCode);
        Assert.Equal(1, await world.ReadAsync(db => db.Payments.CountAsync(p => p.InvoiceId == invoice.Id)));

        // Then the customer's return, the session's completion, and a failure event made before the success.
        var back = FormClient.Text(await browser.GetPageAsync(SuccessPath(sessionId)));
        Assert.Contains("Stripe a confirmé", back, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await world.DeliverAsync(world.Stripe.Event("checkout.session.completed", sessionId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.DeliverAsync(failedEarlier)).StatusCode);

        var (payments, settled, failures) = await world.ReadAsync(async db => (
            await db.Payments.CountAsync(p => p.InvoiceId == invoice.Id),
            (await db.Receivables.SingleAsync(r => r.InvoiceId == invoice.Id)).SettledOn,
            await db.OutboxMails.CountAsync(m => m.To == email && m.Kind == PaymentMail.ChargeFailedKind)));
        Assert.Equal((1, 0), (payments, failures));
        Assert.NotNull(settled);
        Assert.Contains("payé", FormClient.Text(await browser.GetPageAsync(page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_unsigned_or_stale_event_gets_400_with_the_reason_and_changes_nothing()
    {
        var (_, _, customerId) = await Factory.CreateEnrolledUserAsync($"forged.{Guid.NewGuid():N}@example.fr", MemberRole.Owner);
        var invoice = await TestInvoices.IssueAsync(Factory.Services, customerId!.Value);
        var stripeCustomer = world.Stripe.AddCustomer("Forger");
        var intentId = world.Stripe.AddPaymentMethod(stripeCustomer);
        world.Stripe.Change(intentId, o =>
        {
            o["object"] = "payment_intent";
            o["status"] = "succeeded";
            o["amount"] = 9576;
            o["amount_received"] = 9576;
            o["currency"] = "eur";
            o["metadata"] = new System.Text.Json.Nodes.JsonObject { [StripeGateway.InvoiceIdKey] = invoice.Id.ToString() };
        });
        var payload = world.Stripe.Event("payment_intent.succeeded", intentId);
        var eventsBefore = await world.ReadAsync(db => db.StripeEvents.CountAsync());

        foreach (var signature in new[] { StripeStandIn.Sign(payload, "whsec_someone_else"), null, StripeStandIn.Sign(payload, at: DateTimeOffset.UtcNow.AddMinutes(-10)), "t=1,v1=00" })
        {
            var response = await world.DeliverAsync(payload, signature);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("not signed with this endpoint's secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await world.DeliverAsync(payload.Replace("9576", "1", StringComparison.Ordinal), StripeStandIn.Sign(payload))).StatusCode);
        Assert.Equal(eventsBefore, await world.ReadAsync(db => db.StripeEvents.CountAsync()));
        Assert.Equal(0, await world.ReadAsync(db => db.Payments.CountAsync(p => p.InvoiceId == invoice.Id)));

        // The same event, signed: recorded.
        Assert.Equal(HttpStatusCode.OK, (await world.DeliverAsync(payload)).StatusCode);
        Assert.Equal(1, await world.ReadAsync(db => db.Payments.CountAsync(p => p.InvoiceId == invoice.Id)));
    }

    [Fact]
    public async Task A_credit_note_on_a_card_paid_invoice_is_refunded_once_and_mailed_with_its_PDF()
    {
        var email = $"refund.{Guid.NewGuid():N}@example.fr";
        var (_, _, customerId) = await Factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        await world.SaveMethodAsync(customerId!.Value);
        var invoice = await TestInvoices.IssueAsync(Factory.Services, customerId.Value);
        Assert.Equal(1, (await world.CollectAsync()).Charged);

        // A credit note of the invoice's first line, as the back office issues it.
        var note = await world.ReadAsync(async db =>
        {
            var outbox = new MailOutbox(db, TimeProvider.System, Factory.Services.GetRequiredService<MailSignal>());
            var issued = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == invoice.Id);
            return await DocumentIssuing.IssueCreditNoteAsync(db, issued, "Licence facturée en double", DateTimeOffset.UtcNow, [issued.Lines[0].Position], (n, refunded) => CreditNoteMail.Enqueue(outbox, n, issued, refunded));
        });
        var refund = await world.ReadAsync(db => db.StripeRefunds.AsNoTracking().SingleAsync(r => r.CreditNoteId == note.Id));
        Assert.Equal((note.TotalIncludingVat, StripeRefundStatus.Pending), (refund.Amount, refund.Status));

        Assert.Equal(1, (await world.CollectAsync()).Refunded);
        Assert.Equal(0, (await world.CollectAsync()).Refunded);
        var made = Assert.Single(world.Stripe.Refunds, r => (string?)r["metadata"]?[StripeGateway.CreditNoteIdKey] == note.Id.ToString());
        Assert.Equal((StripeGateway.ToMinor(note.TotalIncludingVat), note.Id.ToString()), ((long)made["amount"]!, (string)made["metadata"]![StripeGateway.CreditNoteIdKey]!));
        var receivable = await world.ReadAsync(db => db.Receivables.AsNoTracking().SingleAsync(r => r.InvoiceId == invoice.Id));
        Assert.Equal((note.TotalIncludingVat, 0m), (receivable.Refunded, receivable.Outstanding));

        // Stripe's refund.updated, delivered late: nothing given back twice.
        Assert.Equal(HttpStatusCode.OK, (await world.DeliverAsync(world.Stripe.Event("refund.updated", (string)made["id"]!))).StatusCode);
        Assert.Equal(note.TotalIncludingVat, (await world.ReadAsync(db => db.Receivables.AsNoTracking().SingleAsync(r => r.InvoiceId == invoice.Id))).Refunded);

        var mail = await world.Smtp.WaitForMessageAsync(m => (m.Subject ?? string.Empty).Contains(note.Number, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("remboursé sur le moyen de paiement", mail.TextBody ?? string.Empty, StringComparison.Ordinal);
        var pdf = mail.Attachments.OfType<MimeKit.MimePart>().Single(a => a.FileName == $"{note.Number}.pdf");
        using var bytes = new MemoryStream();
        await pdf.Content!.DecodeToAsync(bytes);
        var text = await PdfText.ExtractAsync(bytes.ToArray());
        Assert.Contains(invoice.Number, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_customer_area_the_owner_saves_a_card_through_Checkout_and_sees_the_invoices_are_now_charged_to_it()
    {
        var email = $"area.{Guid.NewGuid():N}@example.fr";
        var (_, key, customerId) = await Factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        var browser = Factory.Browser();
        await browser.SignInWithCodeAsync(email, key);
        var page = $"/CustomerArea/Invoices?accountId={customerId}";
        Assert.Contains("Vous payez par virement bancaire", FormClient.Text(await browser.GetPageAsync(page)), StringComparison.Ordinal);

        var setup = await browser.SubmitToAsync(page, $"{page}&handler=Setup", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        var sessionId = setup.Headers.Location!.Segments[^1];
        Assert.Equal(("setup", "eur"), ((string?)world.Stripe.Get(sessionId)["mode"], (string?)world.Stripe.Get(sessionId)["currency"]));

        // Back without completing Checkout: nothing is saved.
        Assert.Contains("Stripe n'a rien confirmé", FormClient.Text(await browser.GetPageAsync(SuccessPath(sessionId))), StringComparison.Ordinal);
        Assert.Equal(PaymentMethod.BankTransfer, await world.ReadAsync(db => db.Customers.Where(c => c.Id == customerId).Select(c => c.PaysBy).SingleAsync()));

        world.Stripe.CompleteSetup(sessionId, "card");
        var back = FormClient.Text(await browser.GetPageAsync(SuccessPath(sessionId)));
        Assert.Contains("Stripe a confirmé", back, StringComparison.Ordinal);
        Assert.Contains("payée par la carte enregistrée", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_paying_by_bank_transfer_is_never_charged()
    {
        var (_, _, customerId) = await Factory.CreateEnrolledUserAsync($"transfer.{Guid.NewGuid():N}@example.fr", MemberRole.Owner);
        var invoice = await TestInvoices.IssueAsync(Factory.Services, customerId!.Value);
        var before = world.Stripe.Requests.Count;

        await world.CollectAsync();
        Assert.False(await world.ReadAsync(db => db.StripeCharges.AnyAsync(c => c.InvoiceId == invoice.Id)));
        // Other customers' invoices (a signup's first one) may be charged in the same collection; never this one.
        Assert.DoesNotContain(world.Stripe.Requests.Skip(before), r => r.Path == "payment_intents" && r.IdempotencyKey == StripeCharge.KeyFor(invoice.Id));
        Assert.Null(await world.ReadAsync(async db => (await db.Receivables.SingleAsync(r => r.InvoiceId == invoice.Id)).SettledOn));
    }
}

public sealed class WithoutStripeTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Without_Stripe_settings_there_is_no_webhook_no_gateway_and_no_collection_job()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("{}");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/stripe/webhook", content)).StatusCode);
        Assert.Null(factory.Services.GetService<StripeGateway>());
        Assert.Null(factory.Services.GetService<Store.Jobs.Payments.StripeCollector>());
        Assert.False(factory.Services.GetRequiredService<IOptions<StripeOptions>>().Value.Configured);
    }
}
