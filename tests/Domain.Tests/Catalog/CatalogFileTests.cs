using System.Text.Json.Nodes;
using Store.Domain.Catalog;

namespace Store.Domain.Tests.Catalog;

/// <summary>A malformed catalog is refused with the file, the entry and what is wrong.</summary>
public sealed class CatalogFileTests
{
    private const string File = "catalog/2026-01.json";

    private static string Edit(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(ShippedCatalog.Text2025_03)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static CatalogProblem Refused(string text)
    {
        var e = Assert.Throws<CatalogException>(() => CatalogFile.Parse(File, text));
        Assert.Equal(File, e.File);
        Assert.Contains(File, e.Message, StringComparison.Ordinal);
        return e.Problems[0];
    }

    [Fact]
    public void The_shipped_catalog_is_valid()
    {
        Assert.Empty(CatalogValidator.Validate(ShippedCatalog.Version2025_03));
    }

    [Fact]
    public void A_syntax_error_names_the_line()
    {
        var text = ShippedCatalog.Text2025_03.Replace("\"version\": \"2025-03\",", "\"version\": \"2025-03\"", StringComparison.Ordinal);
        var problem = Refused(text);
        Assert.Equal("(file)", problem.Entry);
        Assert.Contains("line 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_property_is_refused_rather_than_ignored()
    {
        var problem = Refused(Edit(r => r["plans"]![1]!["prices"]![0]!.AsObject().Add("amout", 41)));
        Assert.StartsWith("plans[1] (forfait-pro).prices[0]", problem.Entry, StringComparison.Ordinal);
        Assert.Contains("amout", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_value_names_the_entry()
    {
        var problem = Refused(Edit(r => r["plans"]![0]!.AsObject().Remove("overage")));
        Assert.Equal("plans[0] (forfait-start)", problem.Entry);
        Assert.Contains("overage", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_entry()
    {
        var problem = Refused(Edit(r => r["plans"]![0]!["prices"]![0]!["amount"] = "dix-neuf"));
        Assert.Equal("plans[0] (forfait-start).prices[0].amount", problem.Entry);
    }

    [Fact]
    public void A_negative_price_is_refused()
    {
        var problem = Refused(Edit(r => r["plans"]![1]!["prices"]![0]!["amount"] = -39.90m));
        Assert.Equal(new CatalogProblem("plans[1] (forfait-pro).prices[0].amount", "must not be negative"), problem);
    }

    [Fact]
    public void A_price_in_the_wrong_currency_for_its_market_is_refused()
    {
        var problem = Refused(Edit(r => r["smartNumbers"]!["addOns"]![0]!["prices"]![0]!["currency"] = "EUR"));
        Assert.Equal("smartNumbers.addOns[0] (smart-administration).prices[0].currency", problem.Entry);
        Assert.Contains("CHF", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_entries_with_one_code_are_refused()
    {
        var problem = Refused(Edit(r => r["plans"]![1]!["code"] = "forfait-start"));
        Assert.Equal("code 'forfait-start'", problem.Entry);
    }

    [Fact]
    public void A_plan_naming_an_unknown_option_is_refused()
    {
        var problem = Refused(Edit(r => r["plans"]![0]!["options"]!.AsArray().Add("fax-to-mail")));
        Assert.Equal("plans[0] (forfait-start).options", problem.Entry);
        Assert.Contains("fax-to-mail", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_enum_value_is_refused()
    {
        var problem = Refused(Edit(r => r["options"]![0]!["reduction"] = "whenever"));
        Assert.Equal("options[0] (call-recording).reduction", problem.Entry);
    }

    [Fact]
    public void A_prefix_claimed_by_two_number_types_is_refused()
    {
        var problem = Refused(Edit(r => r["smartNumbers"]!["numberTypes"]![2]!["prefixes"]!.AsArray().Add("0800")));
        Assert.Equal("smartNumbers.numberTypes[2] (090x).prefixes", problem.Entry);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var e = Assert.Throws<CatalogException>(() => CatalogFile.Parse(File, Edit(r =>
        {
            r["plans"]![0]!["terminationFeePerLicence"] = -59;
            r["contactExperience"]!["slaCapRate"] = 2;
        })));
        Assert.Contains(e.Problems, p => p.Entry == "plans[0] (forfait-start).terminationFeePerLicence");
        Assert.Contains(e.Problems, p => p.Entry == "contactExperience.slaCapRate");
    }

    [Fact]
    public void A_version_read_back_from_its_stored_form_is_the_same()
    {
        var stored = CatalogFile.Serialize(ShippedCatalog.Version2025_03);
        var read = CatalogFile.Parse("stored", stored);
        Assert.Equal(stored, CatalogFile.Serialize(read));
        Assert.Equal(19.90m, read.FindPlan("forfait-start")!.PriceFor(PricePeriod.Monthly)!.Amount);
    }
}
