using Microsoft.Extensions.Localization;
using Store.Domain;

namespace Store.Site.Localization;

/// <summary>A domain problem in the visitor's language: the text of "problem.CODE", or the domain's English sentence when the code has none.</summary>
public static class ProblemMessages
{
    public static string Describe(IStringLocalizer<SiteTexts> texts, Problem problem, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(problem);
        var text = texts["problem." + problem.Code, arguments];
        return text.ResourceNotFound ? problem.Message : text.Value;
    }
}
