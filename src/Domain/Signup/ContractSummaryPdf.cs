using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Store.Domain.Billing;

namespace Store.Domain.Signup;

/// <summary>One line of a contract summary: what (services, a price, a limit) and what the contract says of it.</summary>
public sealed record SummaryRow(string Label, string Value);

/// <summary>A heading of the contract summary (003: services, prices, duration and termination, other information) and its lines.</summary>
public sealed record SummarySection(string Heading, IReadOnlyList<SummaryRow> Rows);

/// <summary>A contract summary as worded for its signer, in the signer's language, ready to print.</summary>
public sealed record ContractSummaryDocument(string Title, string Intro, string Seller, string PageLabel, IReadOnlyList<SummarySection> Sections);

/// <summary>
/// The PDF of a contract summary, in the form of 003: a title, then each section with its lines, label on the
/// left and the contract's words on the right. Same typeface as the invoices.
/// </summary>
public static class ContractSummaryPdf
{
    private const double Margin = 40;
    private const double PageWidth = 595;
    private const double PageHeight = 842;
    private const double ValueColumn = 210;

    public static byte[] Render(ContractSummaryDocument summary, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(summary);
        InvoiceFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = summary.Title;
        document.Info.Author = summary.Seller;
        document.Info.CreationDate = createdAt.UtcDateTime;
        var pages = new List<XGraphics>();
        XGraphics graphics = null!;
        var y = 0.0;

        void NewPage()
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            graphics = XGraphics.FromPdfPage(page);
            pages.Add(graphics);
            y = Margin;
        }

        void Room(double height)
        {
            if (y + height > PageHeight - 50)
            {
                NewPage();
            }
        }

        void Lines(IReadOnlyList<string> lines, double x, XFont font, double size)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                graphics.DrawString(lines[i], font, XBrushes.Black, new XPoint(x, y + size + (i * (size + 3))));
            }
        }

        NewPage();
        var title = Font(14, true);
        graphics.DrawString(summary.Title, title, XBrushes.Black, new XPoint(Margin, y + 14));
        y += 22;
        graphics.DrawString(summary.Seller, Font(9, false), XBrushes.Black, new XPoint(Margin, y + 9));
        y += 16;
        var intro = Wrap(graphics, summary.Intro, Font(9, false), PageWidth - (2 * Margin));
        Lines(intro, Margin, Font(9, false), 9);
        y += (intro.Count * 12) + 8;

        foreach (var section in summary.Sections)
        {
            Room(40);
            graphics.DrawString(section.Heading, Font(11, true), XBrushes.Black, new XPoint(Margin, y + 11));
            y += 15;
            graphics.DrawLine(XPens.Black, Margin, y, PageWidth - Margin, y);
            y += 4;
            foreach (var row in section.Rows)
            {
                var label = Wrap(graphics, row.Label, Font(9, true), ValueColumn - Margin - 8);
                var value = row.Value.Split('\n').SelectMany(part => Wrap(graphics, part, Font(9, false), PageWidth - Margin - ValueColumn)).ToList();
                var height = Math.Max(label.Count, value.Count) * 12.0;
                Room(height + 4);
                Lines(label, Margin, Font(9, true), 9);
                Lines(value, ValueColumn, Font(9, false), 9);
                y += height + 4;
            }

            y += 8;
        }

        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].DrawString($"{summary.PageLabel} {i + 1}/{pages.Count}", Font(7, false), XBrushes.Gray, new XPoint(PageWidth - Margin - 40, PageHeight - 20));
            pages[i].Dispose();
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static List<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (current.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        lines.Add(current);
        return lines;
    }

    private static XFont Font(double size, bool bold) =>
        new(InvoiceFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
}
