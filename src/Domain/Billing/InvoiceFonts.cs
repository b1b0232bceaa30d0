using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace Store.Domain.Billing;

/// <summary>
/// The typeface of invoices: Segoe WP, shipped inside the PDFsharp package, so that a PDF renders the same on any
/// machine, with or without system fonts.
/// </summary>
internal sealed class InvoiceFonts : IFontResolver
{
    public const string Family = "Invoice";
    private static readonly Lock Gate = new();
    private static bool _installed;

    public static void Install()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver ??= new InvoiceFonts();
                _installed = true;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "SegoeWP-Bold" : "SegoeWP");

    public byte[]? GetFont(string faceName) => faceName == "SegoeWP-Bold" ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
}
