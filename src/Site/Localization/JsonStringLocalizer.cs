using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Store.Site.Localization;

/// <summary>The site's texts: one flat JSON dictionary per language under Resources/, French first.</summary>
public sealed class SiteTexts
{
    public const string DefaultLanguage = "fr";

    public static readonly string[] Languages = ["fr", "en"];

    /// <summary>What a page shows for a key no dictionary holds: visible to a reader, and found by the tests.</summary>
    public const string MissingMarker = "⟦";

    public SiteTexts()
    {
        var assembly = typeof(SiteTexts).Assembly;
        ByLanguage = Languages.ToFrozenDictionary(l => l, l =>
        {
            using var stream = assembly.GetManifestResourceStream($"Store.Site.Resources.{l}.json")
                ?? throw new InvalidOperationException($"The text dictionary Resources/{l}.json is not embedded.");
            return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
        });
    }

    public FrozenDictionary<string, FrozenDictionary<string, string>> ByLanguage { get; }

    public string? Find(string key, CultureInfo culture)
    {
        var language = ByLanguage.ContainsKey(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName : DefaultLanguage;
        return ByLanguage[language].TryGetValue(key, out var text) ? text : null;
    }
}

public sealed class JsonStringLocalizerFactory(SiteTexts texts, ILoggerFactory loggers) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer(texts, loggers.CreateLogger<JsonStringLocalizer>());

    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer(texts, loggers.CreateLogger<JsonStringLocalizer>());
}

public sealed partial class JsonStringLocalizer(SiteTexts texts, ILogger<JsonStringLocalizer> log) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = texts.Find(name, CultureInfo.CurrentUICulture);
            if (text is null)
            {
                LogMissing(log, name, CultureInfo.CurrentUICulture.Name);
                return new LocalizedString(name, SiteTexts.MissingMarker + name + "⟧", resourceNotFound: true);
            }

            return new LocalizedString(name, text);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return format.ResourceNotFound
                ? format
                : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments));
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var language = texts.ByLanguage.ContainsKey(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
            ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName
            : SiteTexts.DefaultLanguage;
        return texts.ByLanguage[language].Select(kv => new LocalizedString(kv.Key, kv.Value));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No text for key {Key} in {Culture}")]
    private static partial void LogMissing(ILogger logger, string key, string culture);
}
