using Store.Domain.Payments;
using static Store.Domain.Tests.Billing.BillingExamples;

namespace Store.Domain.Tests.Payments;

public sealed class DunningScheduleTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 4, 1, 6, 0, 0, TimeSpan.Zero);

    // Issued on 1 April 2026, due 30 days later: 1 May 2026, 95.76 EUR.
    private static Receivable Unpaid()
    {
        var draft = Invoice("2026-04", FrenchBuyer(), [Monthly("forfait-pro", 2, D(2025, 6, 1))]);
        return Receivable.Of(Store.Domain.Billing.Invoice.Issue(draft, "F-2026-000042", IssuedAt, 30));
    }

    [Fact]
    public void An_unpaid_invoice_is_reminded_at_7_and_15_days_late_and_suspends_at_30()
    {
        var receivable = Unpaid();
        Assert.Equal(D(2026, 5, 1), receivable.DueOn);
        Assert.Equal(ReceivableStatus.Open, receivable.StatusOn(D(2026, 5, 1)));
        Assert.Equal(ReceivableStatus.Overdue, receivable.StatusOn(D(2026, 5, 2)));

        Assert.Null(DunningSchedule.ReminderDue(receivable, D(2026, 5, 7)));
        Assert.Equal(DunningStep.FirstReminder, DunningSchedule.ReminderDue(receivable, D(2026, 5, 8)));
        receivable.Reminded(DunningStep.FirstReminder, IssuedAt);
        Assert.Null(DunningSchedule.ReminderDue(receivable, D(2026, 5, 9)));
        Assert.Null(DunningSchedule.ReminderDue(receivable, D(2026, 5, 15)));
        Assert.Equal(DunningStep.SecondReminder, DunningSchedule.ReminderDue(receivable, D(2026, 5, 16)));
        receivable.Reminded(DunningStep.SecondReminder, IssuedAt);
        Assert.Null(DunningSchedule.ReminderDue(receivable, D(2026, 6, 20)));

        Assert.False(DunningSchedule.Suspends(receivable, D(2026, 5, 30)));
        Assert.True(DunningSchedule.Suspends(receivable, D(2026, 5, 31)));
        Assert.Equal(D(2026, 5, 31), DunningSchedule.SuspensionOn(receivable.DueOn));
    }

    [Fact]
    public void A_job_that_did_not_run_for_weeks_sends_only_the_second_reminder()
    {
        var receivable = Unpaid();
        Assert.Equal(DunningStep.SecondReminder, DunningSchedule.ReminderDue(receivable, D(2026, 5, 20)));
        receivable.Reminded(DunningStep.SecondReminder, IssuedAt);
        Assert.Null(DunningSchedule.ReminderDue(receivable, D(2026, 5, 21)));
    }

    [Fact]
    public void A_partial_payment_leaves_it_chased_and_the_balance_paid_stops_everything()
    {
        var receivable = Unpaid();
        receivable.Apply(new Payment(receivable.InvoiceId, receivable.CustomerId, Money.Eur(50m), D(2026, 4, 20), PaymentMethod.BankTransfer, null, "manual:1", IssuedAt));
        Assert.Equal((ReceivableStatus.PartiallyPaid, 45.76m), (receivable.StatusOn(D(2026, 4, 21)), receivable.Outstanding));
        Assert.Equal(DunningStep.FirstReminder, DunningSchedule.ReminderDue(receivable, D(2026, 5, 8)));

        receivable.Apply(new Payment(receivable.InvoiceId, receivable.CustomerId, Money.Eur(45.76m), D(2026, 5, 10), PaymentMethod.BankTransfer, null, "manual:2", IssuedAt));
        Assert.Equal((ReceivableStatus.Paid, D(2026, 5, 10)), (receivable.StatusOn(D(2026, 6, 30)), receivable.SettledOn));
        Assert.Null(DunningSchedule.ReminderDue(receivable, D(2026, 6, 30)));
        Assert.False(DunningSchedule.Suspends(receivable, D(2026, 6, 30)));
    }
}
