using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Store.Domain.Billing;

/// <summary>
/// The PDF of an issued invoice, with the mentions French law asks of one (Code de commerce L441-9, CGI 242
/// nonies A): seller's and buyer's identities and VAT numbers, number, dates, lines, VAT per rate, due date,
/// late-payment penalties and the 40 EUR recovery indemnity. Made from the invoice alone: the same every time.
/// </summary>
public static class InvoicePdf
{
    private const double Margin = 40;
    private const double PageWidth = 595; // A4 in points
    private const double PageHeight = 842;

    public static byte[] Render(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        InvoiceFonts.Install();
        var buyer = invoice.Buyer;
        var seller = invoice.Seller;
        var texts = InvoiceTexts.In(buyer.Language);
        var culture = CultureInfo.GetCultureInfo(buyer.Language == "en" ? "en-GB" : "fr-FR");

        using var document = new PdfDocument();
        document.Info.Title = $"{texts.Invoice} {invoice.Number}";
        document.Info.Author = seller.LegalName;
        document.Info.CreationDate = invoice.IssuedAt.UtcDateTime;
        var writer = new PageWriter(document, texts);

        // Seller, top left; the document's title and numbers, top right.
        writer.Text(seller.LegalName, 12, bold: true);
        writer.Text($"{seller.LegalForm} — capital {seller.ShareCapital}");
        writer.Text(seller.Address.Line1);
        writer.Text($"{seller.Address.PostalCode} {seller.Address.City} ({seller.Address.Country})");
        writer.Text(seller.Registration);
        writer.Text($"{texts.VatNumber} : {seller.VatNumber}");
        var top = 40.0;
        writer.At(330, top, $"{texts.Invoice} {texts.Number} {invoice.Number}", 14, bold: true);
        writer.At(330, top + 20, $"{texts.IssuedOn} : {invoice.IssuedOn.ToString("d", culture)}");
        writer.At(330, top + 34, $"{texts.Period} : {BillingPeriod.Parse(invoice.Period).First.ToString("MMMM yyyy", culture)}");
        writer.At(330, top + 48, $"{texts.DueOn} : {invoice.DueOn.ToString("d", culture)}");

        writer.Gap(16);
        writer.Text(texts.Customer, 10, bold: true);
        writer.Text(buyer.LegalName);
        writer.Text(buyer.Address.Line1);
        if (!string.IsNullOrEmpty(buyer.Address.Line2))
        {
            writer.Text(buyer.Address.Line2);
        }

        writer.Text($"{buyer.Address.PostalCode} {buyer.Address.City} ({buyer.Address.Country})");
        if (buyer.CompanyNumber is not null)
        {
            writer.Text($"{texts.CompanyNumber} : {buyer.CompanyNumber}");
        }

        if (buyer.VatNumber is not null)
        {
            writer.Text($"{texts.VatNumber} : {buyer.VatNumber}");
        }

        writer.Gap(14);
        writer.Row(texts.Description, texts.Service, texts.Quantity, texts.UnitPrice, texts.Amount, bold: true);
        foreach (var line in invoice.Lines.OrderBy(l => l.Position))
        {
            var service = line.ServiceFrom is { } from && line.ServiceTo is { } to
                ? from == to ? from.ToString("d", culture) : $"{from.ToString("d", culture)} – {to.ToString("d", culture)}"
                : string.Empty;
            if (line.ProratedDays is { } days && line.PeriodDays is { } of)
            {
                service += $" ({days}/{of})";
            }

            writer.Row(
                line.Description,
                service,
                line.Quantity.ToString("0.##", culture),
                line.UnitPrice is { } unit ? unit.ToString("N2", culture) : string.Empty,
                line.Amount.ToString("N2", culture));
        }

        writer.Gap(10);
        writer.Total(texts.TotalExcludingVat, Amount(invoice.TotalExcludingVat, invoice.Currency, culture));
        foreach (var vat in invoice.VatBreakdown())
        {
            var rate = (vat.Rate * 100m).ToString("0.##", culture);
            writer.Total($"{texts.Vat} {rate} % ({vat.Base.ToString("N2", culture)})", Amount(vat.Amount, invoice.Currency, culture));
        }

        writer.Total(texts.TotalIncludingVat, Amount(invoice.TotalIncludingVat, invoice.Currency, culture), bold: true);
        if (invoice.VatMention is not null)
        {
            writer.Gap(6);
            writer.Text(invoice.VatMention, 9, bold: true);
        }

        writer.Gap(14);
        writer.Text(texts.PaymentBy, 10, bold: true);
        writer.Text($"IBAN {seller.Iban} — BIC {seller.Bic}");
        writer.Text($"{texts.PaymentReference} : {Payments.CreditorReference.Display(Payments.CreditorReference.For(invoice.Number))}", 10, bold: true);
        writer.Gap(8);
        writer.Paragraph(texts.LatePayment, 8);
        writer.Paragraph(texts.NoDiscount, 8);
        if (SwissPaymentPart.Applies(invoice))
        {
            writer.PaymentPart(invoice);
        }

        writer.Finish();

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The PDF of an issued credit note: the invoice it corrects, the lines credited, VAT per rate, the totals given back.</summary>
    public static byte[] Render(CreditNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        InvoiceFonts.Install();
        var buyer = PartySnapshot.Read<LegalDetails>(note.BuyerSnapshot);
        var seller = PartySnapshot.Read<Seller>(note.SellerSnapshot);
        var texts = InvoiceTexts.In(buyer.Language);
        var culture = CultureInfo.GetCultureInfo(buyer.Language == "en" ? "en-GB" : "fr-FR");

        using var document = new PdfDocument();
        document.Info.Title = $"{texts.CreditNote} {note.Number}";
        document.Info.Author = seller.LegalName;
        document.Info.CreationDate = note.IssuedAt.UtcDateTime;
        var writer = new PageWriter(document, texts);
        writer.Text(seller.LegalName, 12, bold: true);
        writer.Text($"{seller.LegalForm} — capital {seller.ShareCapital}");
        writer.Text(seller.Address.Line1);
        writer.Text($"{seller.Address.PostalCode} {seller.Address.City} ({seller.Address.Country})");
        writer.Text(seller.Registration);
        writer.Text($"{texts.VatNumber} : {seller.VatNumber}");
        writer.At(330, 40, $"{texts.CreditNote} {texts.Number} {note.Number}", 14, bold: true);
        writer.At(330, 60, $"{texts.IssuedOn} : {LocalTime.In(note.IssuedAt, buyer.TimeZone).ToString("d", culture)}");
        writer.At(330, 74, $"{texts.CreditNoteFor} {note.InvoiceNumber}");

        writer.Gap(16);
        writer.Text(texts.Customer, 10, bold: true);
        writer.Text(buyer.LegalName);
        writer.Text(buyer.Address.Line1);
        writer.Text($"{buyer.Address.PostalCode} {buyer.Address.City} ({buyer.Address.Country})");
        if (buyer.VatNumber is not null)
        {
            writer.Text($"{texts.VatNumber} : {buyer.VatNumber}");
        }

        writer.Gap(8);
        writer.Text($"{texts.CreditNoteReason} : {note.Reason}");
        writer.Gap(10);
        writer.Row(texts.Description, string.Empty, string.Empty, string.Empty, texts.Amount, bold: true);
        foreach (var line in note.Lines.OrderBy(l => l.InvoiceLinePosition))
        {
            writer.Row(line.Description, string.Empty, string.Empty, string.Empty, line.Amount.ToString("N2", culture));
        }

        writer.Gap(10);
        writer.Total(texts.TotalExcludingVat, Amount(note.TotalExcludingVat, note.Currency, culture));
        foreach (var rate in note.Lines.GroupBy(l => l.VatRate).OrderBy(g => g.Key))
        {
            var sum = rate.Sum(l => l.Amount);
            writer.Total($"{texts.Vat} {(rate.Key * 100m).ToString("0.##", culture)} % ({sum.ToString("N2", culture)})", Amount(Money.RoundCents(sum * rate.Key), note.Currency, culture));
        }

        writer.Total(texts.TotalIncludingVat, Amount(note.TotalIncludingVat, note.Currency, culture), bold: true);
        writer.Finish();

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string Amount(decimal amount, Currency currency, CultureInfo culture) =>
        new Money(amount, currency).Format(culture);

    /// <summary>Writes lines down the page, and goes on to a new page when one is full.</summary>
    private sealed class PageWriter
    {
        private static readonly double[] Columns = [Margin, 270, 390, 420, 500];
        private readonly PdfDocument _document;
        private readonly InvoiceTexts _texts;
        private readonly List<XGraphics> _pages = [];
        private XGraphics _graphics = null!;
        private double _y;
        private int? _paymentPartPage;

        public PageWriter(PdfDocument document, InvoiceTexts texts)
        {
            _document = document;
            _texts = texts;
            NewPage();
        }

        public void Text(string text, double size = 9, bool bold = false)
        {
            Room(size + 4);
            _graphics.DrawString(text, Font(size, bold), XBrushes.Black, new XPoint(Margin, _y + size));
            _y += size + 4;
        }

        public void At(double x, double y, string text, double size = 9, bool bold = false) =>
            _graphics.DrawString(text, Font(size, bold), XBrushes.Black, new XPoint(x, y + size));

        public void Gap(double points) => _y += points;

        public void Row(string description, string service, string quantity, string unit, string amount, bool bold = false)
        {
            var font = Font(8, bold);
            var wrapped = Wrap(description, font, Columns[1] - Columns[0] - 6);
            Room((wrapped.Count * 11) + 3);
            for (var i = 0; i < wrapped.Count; i++)
            {
                _graphics.DrawString(wrapped[i], font, XBrushes.Black, new XPoint(Columns[0], _y + 8 + (i * 11)));
            }

            _graphics.DrawString(service, font, XBrushes.Black, new XPoint(Columns[1], _y + 8));
            Right(quantity, font, Columns[3] - 6);
            Right(unit, font, Columns[4] - 6);
            Right(amount, font, PageWidth - Margin);
            _y += (wrapped.Count * 11) + 3;
            if (bold)
            {
                _graphics.DrawLine(XPens.Black, Margin, _y, PageWidth - Margin, _y);
                _y += 3;
            }
        }

        public void Total(string label, string amount, bool bold = false)
        {
            Room(14);
            var font = Font(9, bold);
            _graphics.DrawString(label, font, XBrushes.Black, new XPoint(330, _y + 9));
            Right(amount, font, PageWidth - Margin);
            _y += 14;
        }

        public void Paragraph(string text, double size)
        {
            var font = Font(size, false);
            foreach (var line in Wrap(text, font, PageWidth - (2 * Margin)))
            {
                Room(size + 3);
                _graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + size));
                _y += size + 3;
            }
        }

        /// <summary>The Swiss QR-bill's payment part across the bottom of the last page, on a new page when there is no room.</summary>
        public void PaymentPart(Invoice invoice)
        {
            if (_y > PageHeight - SwissPaymentPart.Height - 12)
            {
                NewPage();
            }

            SwissPaymentPart.Draw(_graphics, PageHeight - SwissPaymentPart.Height, invoice, Font);
            _paymentPartPage = _pages.Count - 1;
        }

        public void Finish()
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                // Above the payment part, the page number goes to the top of its page.
                var y = i == _paymentPartPage ? 24 : PageHeight - 20;
                _pages[i].DrawString($"{_texts.Page} {i + 1}/{_pages.Count}", Font(7, false), XBrushes.Gray, new XPoint(PageWidth - Margin - 40, y));
                _pages[i].Dispose();
            }
        }

        private void Right(string text, XFont font, double right)
        {
            var width = _graphics.MeasureString(text, font).Width;
            _graphics.DrawString(text, font, XBrushes.Black, new XPoint(right - width, _y + 8));
        }

        private void Room(double height)
        {
            if (_y + height > PageHeight - 50)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _graphics = XGraphics.FromPdfPage(page);
            _pages.Add(_graphics);
            _y = Margin;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = string.Empty;
            foreach (var word in text.Split(' '))
            {
                var candidate = current.Length == 0 ? word : $"{current} {word}";
                if (current.Length > 0 && _graphics.MeasureString(candidate, font).Width > width)
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
}
