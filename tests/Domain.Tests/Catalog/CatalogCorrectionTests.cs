using Store.Domain.Catalog;

namespace Store.Domain.Tests.Catalog;

/// <summary>A catalog file that corrects an earlier version: checked against it, and what rating and new sales then use.</summary>
public sealed class CatalogCorrectionTests
{
    private static readonly CatalogVersion V2025 = ShippedCatalog.Version2025_03;

    private static CatalogVersion Correction(string version = "2025-03-r1", string corrects = "2025-03", decimal domesticPerMinute = 0.12m) => V2025 with
    {
        Version = version,
        Corrects = corrects,
        Plans = [.. V2025.Plans.Select(p => p.Code == "forfait-start" ? p with { Overage = p.Overage with { DomesticPerMinute = domesticPerMinute } } : p)],
    };

    [Fact]
    public void A_correction_file_names_the_version_it_corrects_and_a_version_without_one_keeps_its_published_content()
    {
        var text = ShippedCatalog.Text2025_03.Replace("\"version\": \"2025-03\",", "\"version\": \"2025-03-r1\",\n  \"corrects\": \"2025-03\",", StringComparison.Ordinal);

        Assert.Equal("2025-03", CatalogFile.Parse("2025-03-r1.json", text).Corrects);
        Assert.Null(V2025.Corrects);
        Assert.DoesNotContain("corrects", CatalogFile.Serialize(V2025), StringComparison.Ordinal);
    }

    [Fact]
    public void Subscriptions_signed_on_a_corrected_version_are_rated_with_its_latest_correction_and_still_find_what_they_signed()
    {
        var registry = new CatalogRegistry();
        registry.Replace([V2025]);
        Assert.Same(V2025, registry.ForRating("2025-03"));

        var second = Correction("2025-03-r2", corrects: "2025-03-r1", domesticPerMinute: 0.13m);
        registry.Replace([V2025, Correction(), second]);

        Assert.Equal("2025-03-r2", registry.ForRating("2025-03").Version);
        Assert.Equal("2025-03-r2", registry.ForRating("2025-03-r1").Version);
        Assert.Equal(0.15m, registry.Get("2025-03").FindPlan("forfait-start")!.Overage.DomesticPerMinute);
        Assert.Equal(["2025-03-r1", "2025-03"], registry.CorrectedBy("2025-03-r2"));

        // New sales get the corrected prices; a correction is never in force on its own.
        Assert.Equal("2025-03-r2", registry.InForceOn(new DateOnly(2025, 6, 1)).Version);
    }

    [Fact]
    public void A_correction_of_a_version_that_is_not_published_is_refused()
    {
        var problems = CatalogValidator.ValidateCorrection(Correction(corrects: "2024-01"), [V2025]);

        Assert.Contains(problems, p => p.Entry == "corrects" && p.Message.Contains("'2024-01', which is not published", StringComparison.Ordinal));
    }

    [Fact]
    public void A_correction_keeps_the_date_offers_and_codes_of_the_version_it_corrects()
    {
        var moved = Correction() with
        {
            EffectiveFrom = new DateOnly(2025, 4, 1),
            Plans = [.. Correction().Plans.Where(p => p.Code != "forfait-pro")],
        };

        var problems = CatalogValidator.ValidateCorrection(moved, [V2025, moved]);

        Assert.Contains(problems, p => p.Entry == "effectiveFrom" && p.Message.Contains("2025-03-01", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Entry == "corrects" && p.Message.Contains("'forfait-pro' is in version '2025-03' but not in its correction", StringComparison.Ordinal));
        Assert.Empty(CatalogValidator.ValidateCorrection(Correction(), [V2025, Correction()]));
    }

    [Fact]
    public void A_version_is_corrected_once_and_further_corrections_correct_the_correction()
    {
        var first = Correction();
        var twin = Correction("2025-03-r1b");

        var problems = CatalogValidator.ValidateCorrection(twin, [V2025, first, twin]);

        Assert.Contains(problems, p => p.Message.Contains("already corrected by '2025-03-r1'", StringComparison.Ordinal));
        Assert.Contains(CatalogValidator.Validate(Correction(corrects: "2025-03-r1")), p => p.Entry == "corrects");
    }
}
