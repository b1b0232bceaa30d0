using GraphQL;
using GraphQL.Types;
using Store.Domain;
using Store.Domain.Catalog;

namespace Store.Api.Catalog;

public sealed class CatalogVersionType : ObjectGraphType<CatalogVersion>
{
    public CatalogVersionType()
    {
        Name = "CatalogVersion";
        Description = "A published version of the offers. Subscriptions keep the version they signed.";
        Field(c => c.Version).Description("The version's name, such as 2025-03.");
        Field(c => c.EffectiveFrom, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The first day this version is sold.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanType>>>>("plans").Resolve(ctx => ctx.Source.Plans);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanOptionType>>>>("options").Resolve(ctx => ctx.Source.Options);
    }
}

public sealed class LanguageEnum : EnumerationGraphType
{
    public LanguageEnum()
    {
        Name = "Language";
        Add("FR", "fr", "French");
        Add("EN", "en", "English");
    }
}

public sealed class PlanType : ObjectGraphType<Plan>
{
    public PlanType()
    {
        Name = "Plan";
        Description = "A hosted-telephony plan, priced per user licence.";
        Field(p => p.Code).Description("A stable code, such as forfait-pro.");
        Field<NonNullGraphType<StringGraphType>>("name")
            .Argument<LanguageEnum>("language", "French when omitted.")
            .Resolve(ctx => ctx.Source.Name.In(ctx.GetArgument("language", "fr")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriceType>>>>("prices").Description("Prices per user, excluding VAT.").Resolve(ctx => ctx.Source.Prices);
        Field(p => p.TerminationFeePerLicence).Description("Fee per user licence on termination, excluding VAT.");
        Field(p => p.CommitmentMonths).Description("Minimum commitment in months; 0 means none.");
        Field<IntGraphType>("maxDistinctCorrespondentsPerMonth").Resolve(ctx => ctx.Source.FairUse.MaxDistinctCorrespondentsPerMonth);
        Field<IntGraphType>("maxIncludedCallSeconds").Resolve(ctx => ctx.Source.FairUse.MaxCallSeconds);
        Field<NonNullGraphType<DecimalGraphType>>("overageDomesticPerMinute").Resolve(ctx => ctx.Source.Overage.DomesticPerMinute);
        Field<NonNullGraphType<DecimalGraphType>>("overageInternationalPerMinute").Resolve(ctx => ctx.Source.Overage.InternationalPerMinute);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IncludedDestinationType>>>>("includedDestinations").Resolve(ctx => ctx.Source.IncludedDestinations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("options").Description("Codes of the options this plan offers.").Resolve(ctx => ctx.Source.Options);
    }
}

public sealed class PriceType : ObjectGraphType<Price>
{
    public PriceType()
    {
        Name = "Price";
        Field<NonNullGraphType<EnumerationGraphType<PricePeriod>>>("period").Resolve(ctx => ctx.Source.Period);
        Field(p => p.Amount).Description("Excluding VAT.");
        Field<NonNullGraphType<EnumerationGraphType<Currency>>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field(p => p.Placeholder).Description("True when the offer documents give no price and the operator must still set it.");
    }
}

public sealed class PlanOptionType : ObjectGraphType<PlanOption>
{
    public PlanOptionType()
    {
        Name = "PlanOption";
        Field(o => o.Code);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Argument<LanguageEnum>("language")
            .Resolve(ctx => ctx.Source.Name.In(ctx.GetArgument("language", "fr")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriceType>>>>("prices").Resolve(ctx => ctx.Source.Prices);
    }
}

public sealed class IncludedDestinationType : ObjectGraphType<IncludedDestination>
{
    public IncludedDestinationType()
    {
        Name = "IncludedDestination";
        Field(d => d.Country).Description("ISO 3166 alpha-2; FR is metropolitan France.");
        Field(d => d.Fixed);
        Field(d => d.Mobile);
    }
}
