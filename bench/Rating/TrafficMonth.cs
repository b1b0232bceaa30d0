using System.Globalization;
using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Rating;
using Store.Domain.Subscriptions;

namespace Store.Bench.Rating;

/// <summary>
/// A month of traffic for a few hundred customers, in start order: Forfait Start / Pro users with their usual and
/// occasional correspondents, some long and international calls, unlimited offers, call centres, Smart Numbers.
/// </summary>
internal sealed class TrafficMonth
{
    private TrafficMonth(RatingTariff[] tariffs, int[] customerOf, CallToRate[] calls, List<(string Kind, int Count)> mix)
    {
        Tariffs = tariffs;
        CustomerOf = customerOf;
        Calls = calls;
        Mix = mix;
    }

    public RatingTariff[] Tariffs { get; }

    /// <summary>The customer of each call, an index in <see cref="Tariffs"/>.</summary>
    public int[] CustomerOf { get; }

    public CallToRate[] Calls { get; }

    public List<(string Kind, int Count)> Mix { get; }

    public static TrafficMonth Generate(CatalogVersion catalog, int customers, int calls, int seed = 42)
    {
        var random = new Random(seed);
        var march = new DateOnly(2025, 3, 1);
        var tariffs = new RatingTariff[customers];
        var users = new int[customers];
        var kinds = new string[customers];
        for (var c = 0; c < customers; c++)
        {
            var contract = new Contract(Guid.NewGuid(), "B-" + c.ToString(CultureInfo.InvariantCulture), catalog.Version, new ConditionsAcceptance("bench", DateTimeOffset.UtcNow, "127.0.0.1", "all"));
            var roll = random.NextDouble();
            var kind = roll < 0.40 ? "forfait-start" : roll < 0.70 ? "forfait-pro" : roll < 0.80 ? "telephonie-illimitee" : roll < 0.92 ? "cx" : "090x";
            kinds[c] = kind;
            users[c] = 1 + random.Next(kind == "cx" ? 10 : 30);
            if (kind == "cx")
            {
                var ivr = Subscription.Start(contract, catalog, "cx-advanced-ivr", PricePeriod.Monthly, 1, march);
                var agents = Subscription.Start(contract, catalog, "cx-agent-licence", PricePeriod.Monthly, users[c], march);
                ivr.AddOption(catalog, "cx-dynamic-tts", 1, march);
                ivr.AddOption(catalog, "cx-recording-500", 1, march).AllowOverage(c % 2 == 0);
                tariffs[c] = RatingTariff.For(_ => catalog, [ivr, agents]);
            }
            else if (kind == "090x")
            {
                var number = Subscription.Start(contract, catalog, "090x", PricePeriod.Monthly, 1, march);
                var premium = Enumerable.Range(0, 90).Select(i => new PremiumTariff(0.5m + (i * 0.1m), i % 3 == 0 ? 1m : 0m, i % 5 == 0 ? 0.5m : 0m)).ToArray();
                tariffs[c] = RatingTariff.For(_ => catalog, [number], [new SmartNumberSetup("0901000000", premium)]);
            }
            else
            {
                tariffs[c] = RatingTariff.For(_ => catalog, [Subscription.Start(contract, catalog, kind, PricePeriod.Monthly, users[c], march)]);
            }
        }

        // Destinations are classified once, as ingestion would: a pool of numbers per kind.
        var france = Enumerable.Range(0, 5000).Select(i => (i % 3 == 0 ? "+336" : "+331") + (10_000_000 + (i * 7919 % 89_999_999)).ToString(CultureInfo.InvariantCulture))
            .Select(n => NumberClassifier.Classify("callee", n).Value).OfType<ClassifiedNumber>().ToArray();
        var abroad = new[] { "+493012345678", "+4915112345678", "+34912345678", "+34612345678", "+442079460000", "+12025550123", "+81312345678", "+262262212345", "+41446681800", "+5511912345678" }.Select(Classify).ToArray();
        var special = new[] { "+33899234567", "3900", "118712", "+33800123456" }.Select(Classify).ToArray();
        var swiss = new[] { "+41446681800", "+41791234567" }.Select(n => NumberClassifier.Classify("caller", n, "CH").Value!).ToArray();

        var list = new CallToRate[calls];
        var customerOf = new int[calls];
        var changes = new[] { new TariffChange(30, 4), new TariffChange(90, 12) };
        var mix = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < calls; i++)
        {
            var c = random.Next(customers);
            customerOf[i] = c;
            var user = 1 + random.Next(users[c]);
            var answered = random.NextDouble() < 0.85;
            var seconds = answered ? LengthOf(random) : 0;
            string kind;
            if (kinds[c] == "090x")
            {
                var caller = swiss[random.Next(swiss.Length)];
                kind = "smart number";
                list[i] = new CallToRate(CallDirection.Inbound, caller.Category, CountryCode.Pack(caller.Country), caller.Mobile, caller.Key, 1, seconds, SmartNumber: 0, Tariff: random.Next(90), TariffChanges: random.Next(10) == 0 ? changes : null);
            }
            else if (kinds[c] == "cx")
            {
                var caller = france[random.Next(france.Length)];
                var flags = random.Next(20) == 0 ? CallFlags.WebCallBack : random.Next(8) == 0 ? CallFlags.Transferred : CallFlags.None;
                kind = "contact experience";
                list[i] = new CallToRate(CallDirection.Inbound, caller.Category, CountryCode.Pack(caller.Country), caller.Mobile, caller.Key, user, seconds, flags, random.Next(4) == 0 ? seconds : 0);
            }
            else
            {
                var roll = random.NextDouble();
                var outbound = roll < 0.70;
                // A user calls mostly the same few dozen numbers, sometimes a new one.
                var n = roll < 0.62 ? france[((c * 131) + (user * 17) + (random.Next(random.Next(8) == 0 ? 400 : 60))) % france.Length]
                    : roll < 0.67 ? abroad[random.Next(abroad.Length)]
                    : roll < 0.70 ? special[random.Next(special.Length)]
                    : france[random.Next(france.Length)];
                var flags = outbound && random.Next(50) == 0 ? CallFlags.Forwarded : CallFlags.None;
                kind = outbound ? "hosted outbound" : "hosted inbound";
                list[i] = new CallToRate(outbound ? CallDirection.Outbound : CallDirection.Inbound, n.Category, CountryCode.Pack(n.Country), n.Mobile, n.Key, user, seconds, flags);
            }

            mix[kind] = mix.GetValueOrDefault(kind) + 1;
        }

        return new TrafficMonth(tariffs, customerOf, list, [.. mix.OrderByDescending(m => m.Value).Select(m => (m.Key, m.Value))]);
    }

    private static ClassifiedNumber Classify(string number) => NumberClassifier.Classify("callee", number).Value!;

    /// <summary>Mostly short calls, a long tail past the hour.</summary>
    private static int LengthOf(Random random) =>
        random.Next(100) switch
        {
            < 60 => 5 + random.Next(180),
            < 90 => 180 + random.Next(900),
            < 98 => 1080 + random.Next(2400),
            _ => 3000 + random.Next(6000),
        };
}
