using Store.Domain.Billing;
using Store.Domain.Subscriptions;
using static Store.Domain.Tests.Billing.BillingExamples;

namespace Store.Domain.Tests.Billing;

/// <summary>Invoices computed by hand, the arithmetic in the comments, checked line by line and in total.</summary>
public sealed class InvoicingTests
{
    [Fact]
    public void A_monthly_plan_is_billed_in_advance_for_the_month_with_20_percent_VAT()
    {
        var invoice = Invoice("2026-03", FrenchBuyer(), [Monthly("forfait-pro", 3, D(2025, 6, 1))]);

        // 3 licences × 39.90 = 119.70 HT, for 1–31 March; VAT 119.70 × 20 % = 23.94; TTC 143.64.
        var line = Assert.Single(invoice.Lines);
        Assert.Equal((LineKind.Subscription, 3m, 39.90m, 119.70m), (line.Kind, line.Quantity, line.UnitPrice!.Value, line.Amount));
        Assert.Equal((D(2026, 3, 1), D(2026, 3, 31)), (line.ServiceFrom!.Value, line.ServiceTo!.Value));
        Assert.Equal("Forfait Pro", line.Description);
        Assert.Equal((119.70m, 23.94m, 143.64m), (invoice.TotalExcludingVat, invoice.TotalVat, invoice.TotalIncludingVat));
        Assert.Equal(Currency.EUR, invoice.Currency);
    }

    [Theory]
    // Start on the 20th of a 28-day February: 20–28 = 9 days; 19.90 × 9 / 28 = 6.3964… → 6.40.
    [InlineData(2026, 2, 9, 28, 6.40)]
    // A 29-day February (2028): 20–29 = 10 days; 19.90 × 10 / 29 = 6.8620… → 6.86.
    [InlineData(2028, 2, 10, 29, 6.86)]
    // A 30-day April: 20–30 = 11 days; 19.90 × 11 / 30 = 7.2966… → 7.30.
    [InlineData(2026, 4, 11, 30, 7.30)]
    // A 31-day January: 20–31 = 12 days; 19.90 × 12 / 31 = 7.7032… → 7.70.
    [InlineData(2026, 1, 12, 31, 7.70)]
    public void A_start_on_the_20th_is_prorated_by_day_of_the_month_on_the_next_invoice(int year, int month, int days, int monthDays, decimal prorated)
    {
        var start = D(year, month, 20);
        var next = BillingPeriod.Of(start).Next;

        var invoice = Invoice(next.ToString(), FrenchBuyer(), [Monthly("forfait-start", 1, start)]);

        Assert.Equal(2, invoice.Lines.Count);
        var first = invoice.Lines[0];
        Assert.Equal((start, BillingPeriod.Of(start).Last, days, monthDays, prorated), (first.ServiceFrom!.Value, first.ServiceTo!.Value, first.ProratedDays!.Value, first.PeriodDays!.Value, first.Amount));
        Assert.Equal((next.First, 19.90m), (invoice.Lines[1].ServiceFrom!.Value, invoice.Lines[1].Amount));
        Assert.Equal(prorated + 19.90m, invoice.TotalExcludingVat);
    }

    [Fact]
    public void The_month_a_subscription_starts_on_the_15th_has_no_invoice_line_yet_its_first_day_is_billed_on_the_next()
    {
        Assert.True(Invoice("2026-03", FrenchBuyer(), [Monthly("forfait-start", 1, D(2026, 3, 15))]).IsEmpty);
    }

    [Fact]
    public void Every_day_of_service_is_billed_once_across_the_invoices_from_start_to_end()
    {
        // In service 20 January – 10 March 2026, one licence at 19.90 a month.
        var subscription = Monthly("forfait-start", 1, D(2026, 1, 20), endsOn: D(2026, 3, 10));
        var totals = new[] { "2026-01", "2026-02", "2026-03", "2026-04", "2026-05" }
            .Select(p => Invoice(p, FrenchBuyer(), [subscription]).TotalExcludingVat).ToArray();

        // February: January 20–31 (12/31 × 19.90 = 7.70) and February in advance (19.90) = 27.60.
        // March: March in advance, 19.90. April: March 11–31 given back, −21/31 × 19.90 = −13.4806… → −13.48.
        Assert.Equal([0m, 27.60m, 19.90m, -13.48m, 0m], totals);

        // 7.70 + 19.90 + 6.42 (10/31 of March) = 34.02: what the days of service cost.
        Assert.Equal(34.02m, totals.Sum());
    }

    [Fact]
    public void A_Forfait_ended_mid_month_gives_back_the_unused_days_and_bills_59_EUR_per_licence()
    {
        // Two licences, cancelled for 10 March; the termination fee was quoted at 2 × 59 = 118.
        var subscription = Monthly("forfait-start", 2, D(2025, 6, 1), endsOn: D(2026, 3, 10), terminationFee: 118m);

        var invoice = Invoice("2026-04", FrenchBuyer(), [subscription]);

        // 11–31 March: 21 days; −2 × 19.90 × 21 / 31 = −26.9612… → −26.96. Fee 2 × 59.00 = 118.00.
        // HT 91.04; VAT 18.208 → 18.21; TTC 109.25. No April fee: the service has ended.
        Assert.Equal([(LineKind.Subscription, -26.96m), (LineKind.TerminationFee, 118.00m)], invoice.Lines.Select(l => (l.Kind, l.Amount)));
        var fee = invoice.Lines[1];
        Assert.Equal((2m, 59m), (fee.Quantity, fee.UnitPrice!.Value));
        Assert.Equal("Frais de résiliation — Forfait Start", fee.Description);
        Assert.Equal((91.04m, 18.21m, 109.25m), (invoice.TotalExcludingVat, invoice.TotalVat, invoice.TotalIncludingVat));
    }

    [Fact]
    public void A_yearly_plan_is_billed_for_its_year_once_and_an_added_licence_is_prorated_to_the_end_of_that_year()
    {
        // Forfait Pro yearly (399 per licence), 2 licences from 15 March 2026, a third from 10 September 2026.
        var subscription = Yearly("forfait-pro", [new QuantityStep(D(2026, 3, 15), 2), new QuantityStep(D(2026, 9, 10), 3)]);

        // April 2026: the year 15 March 2026 – 14 March 2027 in advance, 2 × 399 = 798.00.
        var april = Assert.Single(Invoice("2026-04", FrenchBuyer(), [subscription]).Lines);
        Assert.Equal((798.00m, D(2026, 3, 15), D(2027, 3, 14)), (april.Amount, april.ServiceFrom!.Value, april.ServiceTo!.Value));
        Assert.True(Invoice("2026-05", FrenchBuyer(), [subscription]).IsEmpty);

        // October 2026: the third licence, 10 September 2026 – 14 March 2027 = 21 + 31 + 30 + 31 + 31 + 28 + 14 = 186
        // days of the 365-day year: 399 × 186 / 365 = 203.3260… → 203.33.
        var october = Assert.Single(Invoice("2026-10", FrenchBuyer(), [subscription]).Lines);
        Assert.Equal((1m, 186, 365, 203.33m), (october.Quantity, october.ProratedDays!.Value, october.PeriodDays!.Value, october.Amount));

        // April 2027: the second year, 3 × 399 = 1197.00.
        Assert.Equal(1197.00m, Invoice("2027-04", FrenchBuyer(), [subscription]).TotalExcludingVat);
    }

    [Fact]
    public void An_option_bought_mid_month_is_prorated_at_once_then_billed_in_advance()
    {
        // Forfait Start, 1 licence; call recording (10.00 a month) from 16 March 2026.
        var subscription = Monthly("forfait-start", 1, D(2025, 6, 1), options: Option("call-recording", new QuantityStep(D(2026, 3, 16), 1)));

        var invoice = Invoice("2026-04", FrenchBuyer(), [subscription]);

        // April plan 19.90; recording 16–31 March: 16 / 31 × 10.00 = 5.1612… → 5.16; recording April 10.00.
        // HT 35.06; VAT 7.012 → 7.01; TTC 42.07.
        Assert.Equal([19.90m, 5.16m, 10.00m], invoice.Lines.Select(l => l.Amount));
        Assert.Equal(LineKind.Option, invoice.Lines[1].Kind);
        Assert.Equal((35.06m, 7.01m, 42.07m), (invoice.TotalExcludingVat, invoice.TotalVat, invoice.TotalIncludingVat));
    }

    [Fact]
    public void A_recording_pack_reduction_takes_effect_next_month_and_an_increase_at_once()
    {
        // Advanced IVR (49.00) with 3 recording packs of 1,500 min (35.00 each); down to 1 pack on 10 March,
        // up to 2 on 20 March.
        var packs = Option("cx-recording-1500", new QuantityStep(D(2025, 6, 1), 3), new QuantityStep(D(2026, 3, 10), 1), new QuantityStep(D(2026, 3, 20), 2));
        var subscription = Monthly("cx-advanced-ivr", 1, D(2025, 6, 1), kind: ProductKind.ContactExperience, options: packs);

        // March's 3 packs are due in full (nothing given back, the rise to 2 stays under them); April: 2 × 35.00 = 70.00.
        Assert.Equal([49.00m, 70.00m], Invoice("2026-04", FrenchBuyer(), [subscription]).Lines.Select(l => l.Amount));

        // From 1 pack in April to 3 on 20 April: 2 × 35.00 × 11 / 30 = 25.6666… → 25.67 at once, then 3 × 35.00 in May.
        var rising = Option("cx-recording-1500", new QuantityStep(D(2026, 4, 1), 1), new QuantityStep(D(2026, 4, 20), 3));
        var more = Monthly("cx-advanced-ivr", 1, D(2026, 4, 1), kind: ProductKind.ContactExperience, options: rising);
        Assert.Equal([49.00m, 25.67m, 105.00m], Invoice("2026-05", FrenchBuyer(), [more]).Lines.Select(l => l.Amount));
    }

    [Fact]
    public void Usage_is_billed_in_arrears_from_its_exact_amounts_rounded_once_per_line()
    {
        var subscription = Monthly("forfait-pro", 1, D(2025, 6, 1));
        UsageCharge Call(long seconds, decimal amount) => new(subscription.SubscriptionId, "overage-international", "Appels internationaux hors forfait", seconds, UsageUnit.Seconds, amount, Currency.EUR);

        // 0.89 / 60 per second: 1 s = 0.014833…, 1 s again, 84 s = 1.246. Summed exactly: 1.275666… → 1.28
        // (rounding each call first would give 0.01 + 0.01 + 1.25 = 1.27).
        var perSecond = 0.89m / 60m;
        var invoice = Invoice("2026-04", FrenchBuyer(), [subscription], usage: [Call(1, perSecond), Call(1, perSecond), Call(84, 84 * perSecond)]);

        var usage = Assert.Single(invoice.Lines, l => l.Kind == LineKind.Usage);
        Assert.Equal(1.28m, usage.Amount);
        Assert.Equal(1.43m, usage.Quantity); // 86 s = 1.4333… min
        Assert.Equal((D(2026, 3, 1), D(2026, 3, 31)), (usage.ServiceFrom!.Value, usage.ServiceTo!.Value));
        Assert.Equal("Appels internationaux hors forfait (minutes)", usage.Description);
    }

    [Fact]
    public void One_off_fees_come_from_the_catalog_terminal_integration_49_and_missed_appointment_250()
    {
        var subscription = Monthly("forfait-pro", 1, D(2025, 6, 1));
        var fees = new[]
        {
            new OneOffCharge(Guid.NewGuid(), subscription.SubscriptionId, Offers.Version, "terminal-integration", 3, D(2026, 3, 5)),
            new OneOffCharge(Guid.NewGuid(), subscription.SubscriptionId, Offers.Version, "missed-installation", 1, D(2026, 3, 12), "RDV du 12/03"),
        };

        var invoice = Invoice("2026-04", FrenchBuyer(), [subscription], fees: fees);

        // 39.90 + 3 × 49.00 + 250.00 = 436.90 HT; VAT 87.38; TTC 524.28.
        Assert.Equal([39.90m, 147.00m, 250.00m], invoice.Lines.Select(l => l.Amount));
        Assert.Equal("Rendez-vous d'installation manqué — RDV du 12/03", invoice.Lines[2].Description);
        Assert.Equal((436.90m, 87.38m, 524.28m), (invoice.TotalExcludingVat, invoice.TotalVat, invoice.TotalIncludingVat));
    }

    [Fact]
    public void VAT_is_computed_on_the_sum_of_the_lines_of_a_rate_not_line_by_line()
    {
        var subscription = Monthly("forfait-pro", 1, D(2025, 6, 1));
        UsageCharge Sms(string description) => new(subscription.SubscriptionId, "sms", description, 1, UsageUnit.Count, 0.33m, Currency.EUR);

        var invoice = Invoice("2026-04", FrenchBuyer(), [subscription], usage: [Sms("A"), Sms("B"), Sms("C")]);

        // 39.90 + 3 × 0.33 = 40.89; 40.89 × 20 % = 8.178 → 8.18. Line by line: 7.98 + 3 × 0.07 = 8.19.
        Assert.Equal(8.18m, invoice.TotalVat);
        var vat = Assert.Single(invoice.VatBreakdown);
        Assert.Equal((0.20m, 40.89m, 8.18m), (vat.Rate, vat.Base, vat.Amount));
    }

    [Fact]
    public void An_EU_business_with_a_valid_VAT_number_is_reverse_charged_with_the_legal_mention()
    {
        var subscription = Monthly("forfait-pro", 2, D(2025, 6, 1));

        var reverse = Invoice("2026-04", FrenchBuyer("DE", "DE123456789"), [subscription]);

        // 2 × 39.90 = 79.80 HT, no French VAT: the German customer accounts for it.
        Assert.Equal((VatRegime.ReverseCharge, 79.80m, 0m, 79.80m), (reverse.Vat.Regime, reverse.TotalExcludingVat, reverse.TotalVat, reverse.TotalIncludingVat));
        Assert.Equal("Autoliquidation — article 283-2 du CGI / article 196 de la directive 2006/112/CE", reverse.Vat.Mention);

        // Without a VAT number (or with another country's), French VAT applies: 79.80 × 20 % = 15.96.
        Assert.Equal(15.96m, Invoice("2026-04", FrenchBuyer("DE"), [subscription]).TotalVat);
        Assert.Equal(15.96m, Invoice("2026-04", FrenchBuyer("DE", "FR27552032534"), [subscription]).TotalVat);
    }

    [Fact]
    public void A_Swiss_customer_is_billed_in_CHF_with_8_1_percent_VAT()
    {
        var number = Monthly("0800", 1, D(2025, 6, 1), kind: ProductKind.SmartNumber);

        var invoice = Invoice("2026-04", SwissBuyer(), [number], seller: SwissSeller);

        // 25.00 CHF HT; VAT 25.00 × 8.1 % = 2.025 → 2.03 (half away from zero); TTC 27.03 CHF.
        Assert.Equal(Currency.CHF, invoice.Currency);
        Assert.Equal((25.00m, 2.03m, 27.03m), (invoice.TotalExcludingVat, invoice.TotalVat, invoice.TotalIncludingVat));
        Assert.Equal(0.081m, Assert.Single(invoice.VatBreakdown).Rate);
    }

    [Fact]
    public void The_same_inputs_give_the_same_invoice()
    {
        var subscription = Monthly("forfait-start", 2, D(2026, 2, 20), options: Option("call-recording", new QuantityStep(D(2026, 2, 25), 1)));
        var first = Invoice("2026-03", FrenchBuyer(), [subscription]);
        var second = Invoice("2026-03", FrenchBuyer(), [subscription]);
        Assert.Equal(first.Lines, second.Lines);
        Assert.Equal(first.VatBreakdown, second.VatBreakdown);
    }

    [Fact]
    public void An_option_stops_with_its_subscription()
    {
        // Forfait Start ended on 31 March; its recording option, recorded without an end, is not billed for April.
        var subscription = Monthly("forfait-start", 1, D(2025, 6, 1), endsOn: D(2026, 3, 31), options: Option("call-recording", new QuantityStep(D(2025, 6, 1), 1)));

        Assert.True(Invoice("2026-04", FrenchBuyer(), [subscription]).IsEmpty);
    }
}
