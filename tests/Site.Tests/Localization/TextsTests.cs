using Store.Site.Localization;

namespace Store.Site.Tests.Localization;

public sealed class TextsTests
{
    private static readonly SiteTexts Texts = new();

    [Fact]
    public void French_and_English_have_the_same_keys()
    {
        var fr = Texts.ByLanguage["fr"].Keys.Order(StringComparer.Ordinal);
        var en = Texts.ByLanguage["en"].Keys.Order(StringComparer.Ordinal);
        Assert.Equal(fr, en);
    }

    [Fact]
    public void No_text_is_empty_or_left_untranslated()
    {
        foreach (var (key, fr) in Texts.ByLanguage["fr"])
        {
            Assert.False(string.IsNullOrWhiteSpace(fr), key);
            Assert.False(string.IsNullOrWhiteSpace(Texts.ByLanguage["en"][key]), key);
        }
    }
}
