using Store.Domain.Payments;
using static Store.Domain.Tests.Billing.BillingExamples;

namespace Store.Domain.Tests.Payments;

public sealed class StripeRecordsTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 4, 1, 6, 0, 0, TimeSpan.Zero);

    // 95.76 EUR: two Forfait Pro licences for April 2026.
    private static Store.Domain.Billing.Invoice Issued() =>
        Store.Domain.Billing.Invoice.Issue(Invoice("2026-04", FrenchBuyer(), [Monthly("forfait-pro", 2, D(2025, 6, 1))]), "F-2026-000042", IssuedAt, 30);

    [Fact]
    public void A_charge_sends_the_amount_due_in_cents_under_a_key_of_its_invoice_and_a_refusal_is_told_once_never_after_a_success()
    {
        var invoice = Issued();
        var charge = new StripeCharge(Receivable.Of(invoice), "cus_1", "pm_1", PaymentMethod.Card, IssuedAt);
        Assert.Equal((95.76m, 9576L, $"store-invoice-{invoice.Id:N}-charge"), (charge.Amount, StripeGateway.ToMinor(charge.Amount), charge.IdempotencyKey));

        Assert.True(charge.Refused("pi_1", "Your card was declined.", IssuedAt));
        Assert.False(charge.Refused("pi_1", "Your card was declined.", IssuedAt));

        var paid = new StripeCharge(Receivable.Of(invoice), "cus_1", "pm_1", PaymentMethod.Card, IssuedAt);
        paid.Succeeded("pi_2");
        Assert.False(paid.Refused("pi_2", "late failure", IssuedAt));
        Assert.Equal(StripeChargeStatus.Succeeded, paid.Status);
    }

    [Fact]
    public void Money_refunded_after_a_credit_note_is_owed_no_more_and_never_more_than_was_paid()
    {
        var invoice = Issued();
        var receivable = Receivable.Of(invoice);
        receivable.Apply(new Payment(invoice.Id, invoice.CustomerId, new Money(95.76m, Currency.EUR), D(2026, 4, 1), PaymentMethod.Card, "pi_1", "stripe:pi_1", IssuedAt));
        var note = Store.Domain.Billing.CreditNote.For(invoice, "AV-2026-000001", "Licence en double", IssuedAt.AddDays(2), [invoice.Lines[0].Position]);
        receivable.Credit(note, D(2026, 4, 3));
        Assert.Equal(-note.TotalIncludingVat, receivable.Outstanding);

        receivable.Refund(note.TotalIncludingVat, D(2026, 4, 4));
        Assert.Equal((0m, ReceivableStatus.Paid), (receivable.Outstanding, receivable.StatusOn(D(2026, 4, 4))));
        Assert.Throws<ArgumentOutOfRangeException>(() => receivable.Refund(95.76m, D(2026, 4, 5)));
    }

    [Fact]
    public void A_refund_is_recorded_as_given_back_once_whether_Stripe_says_it_at_once_or_later()
    {
        var invoice = Issued();
        var note = Store.Domain.Billing.CreditNote.For(invoice, "AV-2026-000002", "Geste commercial", IssuedAt);
        var refund = new StripeRefund(note, "pi_1", 10m, IssuedAt);
        Assert.Equal($"store-credit-note-{note.Id:N}-refund", refund.IdempotencyKey);
        Assert.False(refund.Observed("re_1", "pending", IssuedAt));
        Assert.True(refund.Observed("re_1", "succeeded", IssuedAt));
        Assert.False(refund.Observed("re_1", "succeeded", IssuedAt));
        Assert.Equal(StripeRefundStatus.Succeeded, refund.Status);
    }
}
