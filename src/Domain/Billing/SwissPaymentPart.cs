using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using QRCoder;
using static QRCoder.PayloadGenerator;

namespace Store.Domain.Billing;

/// <summary>
/// The payment part of a Swiss QR-bill (SIX, Swiss Implementation Guidelines for the QR-bill, version 2): the receipt
/// and the payment part side by side across the bottom 105 mm of an A4 page, with the Swiss QR code 46 mm square and
/// its cross. The code's payload comes from QRCoder's Swiss QR code generator: the seller's IBAN, its structured
/// address, the amount in CHF or EUR, the buyer as debtor, the invoice's ISO 11649 creditor reference (SCOR, as a
/// plain IBAN asks) and the invoice number as additional information. Printed on the invoices of the Swiss seller.
/// </summary>
public static class SwissPaymentPart
{
    /// <summary>Height of the part, 105 mm, in points.</summary>
    public const double Height = 105 * Mm;

    private const double Mm = 72 / 25.4;
    private const double ReceiptWidth = 62 * Mm;
    private const double QrSize = 46 * Mm;

    /// <summary>Whether <paramref name="invoice"/> carries a payment part: the seller is the Swiss company.</summary>
    public static bool Applies(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.Seller.Country == "CH" && invoice.Currency is Currency.CHF or Currency.EUR;
    }

    /// <summary>The text the Swiss QR code holds ("SPC", "0200", ...), one element a line.</summary>
    public static string Payload(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return Code(invoice).ToString();
    }

    internal static void Draw(XGraphics graphics, double top, Invoice invoice, Func<double, bool, XFont> font)
    {
        var texts = Words.In(invoice.Buyer.Language);
        var culture = CultureInfo.GetCultureInfo(invoice.Buyer.Language == "en" ? "en-GB" : "fr-FR");
        var seller = invoice.Seller;
        var buyer = invoice.Buyer;
        var reference = Payments.CreditorReference.Display(Payments.CreditorReference.For(invoice.Number));
        var amount = invoice.TotalIncludingVat.ToString("#,##0.00", CultureInfo.InvariantCulture).Replace(",", " ", StringComparison.Ordinal);
        var currency = invoice.Currency.ToString();
        string[] creditor = [Iban(seller.Iban), seller.LegalName, seller.Address.Line1, $"{seller.Address.PostalCode} {seller.Address.City}"];
        string[] debtor = [buyer.LegalName, buyer.Address.Line1, $"{buyer.Address.PostalCode} {buyer.Address.City}"];

        // Where to cut: a dashed line above the part and between the receipt and the payment part.
        var dashed = new XPen(XColors.Black, 0.5) { DashStyle = XDashStyle.Dash };
        graphics.DrawLine(dashed, 0, top, graphics.PageSize.Width, top);
        graphics.DrawLine(dashed, ReceiptWidth, top, ReceiptWidth, top + Height);
        graphics.DrawString(texts.Separate, font(7, false), XBrushes.Black, new XPoint(5 * Mm, top - (2 * Mm)));

        // The receipt, left.
        var x = 5 * Mm;
        var y = top + (5 * Mm);
        graphics.DrawString(texts.Receipt, font(11, true), XBrushes.Black, new XPoint(x, y + 9));
        y += 7 * Mm;
        y = Section(graphics, font, x, y, texts.PayableTo, creditor, 6, 8);
        y = Section(graphics, font, x, y, texts.Reference, [reference], 6, 8);
        Section(graphics, font, x, y, texts.PayableBy, debtor, 6, 8);
        Amounts(graphics, font, x, top + (68 * Mm), texts, currency, amount, 6, 8);
        var acceptance = font(6, true);
        var width = graphics.MeasureString(texts.AcceptancePoint, acceptance).Width;
        graphics.DrawString(texts.AcceptancePoint, acceptance, XBrushes.Black, new XPoint(ReceiptWidth - (5 * Mm) - width, top + (82 * Mm)));

        // The payment part, right: title, code and amount on the left, the details on the right.
        x = ReceiptWidth + (5 * Mm);
        graphics.DrawString(texts.PaymentPart, font(11, true), XBrushes.Black, new XPoint(x, top + (5 * Mm) + 9));
        QrCode(graphics, Code(invoice), x, top + (17 * Mm));
        Amounts(graphics, font, x, top + (68 * Mm), texts, currency, amount, 8, 10);
        x = ReceiptWidth + (56 * Mm);
        y = top + (5 * Mm);
        y = Section(graphics, font, x, y, texts.PayableTo, creditor, 8, 10);
        y = Section(graphics, font, x, y, texts.Reference, [reference], 8, 10);
        y = Section(graphics, font, x, y, texts.AdditionalInformation, [$"{texts.Invoice} {invoice.Number}", $"{texts.DueOn} {invoice.DueOn.ToString("d", culture)}"], 8, 10);
        Section(graphics, font, x, y, texts.PayableBy, debtor, 8, 10);
    }

    private static SwissQrCode Code(Invoice invoice)
    {
        var seller = invoice.Seller;
        var buyer = invoice.Buyer;
        var reference = Payments.CreditorReference.For(invoice.Number);
        return new SwissQrCode(
            new SwissQrCode.Iban(Compact(seller.Iban), SwissQrCode.Iban.IbanType.Iban),
            invoice.Currency == Currency.EUR ? SwissQrCode.Currency.EUR : SwissQrCode.Currency.CHF,
            SwissQrCode.Contact.WithStructuredAddress(Latin(seller.LegalName), Latin(seller.Address.PostalCode), Latin(seller.Address.City), seller.Address.Country, Latin(seller.Address.Line1)),
            new SwissQrCode.Reference(SwissQrCode.Reference.ReferenceType.SCOR, reference, SwissQrCode.Reference.ReferenceTextType.CreditorReferenceIso11649),
            new SwissQrCode.AdditionalInformation($"{Words.In(buyer.Language).Invoice} {invoice.Number}"),
            SwissQrCode.Contact.WithStructuredAddress(Latin(buyer.LegalName), Latin(buyer.Address.PostalCode), Latin(buyer.Address.City), buyer.Address.Country, Latin(buyer.Address.Line1)),
            invoice.TotalIncludingVat);
    }

    private static void QrCode(XGraphics graphics, SwissQrCode payload, double left, double top)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload);
        var matrix = data.ModuleMatrix;

        // The 46 mm are the code without its quiet zone: the zone ends where the top-left finder pattern begins.
        var quiet = 0;
        while (quiet < matrix.Count / 2 && !matrix[quiet][quiet])
        {
            quiet++;
        }

        var modules = matrix.Count - (2 * quiet);
        var module = QrSize / modules;
        for (var row = 0; row < modules; row++)
        {
            var line = matrix[row + quiet];
            for (var column = 0; column < modules; column++)
            {
                if (line[column + quiet])
                {
                    graphics.DrawRectangle(XBrushes.Black, left + (column * module), top + (row * module), module + 0.05, module + 0.05);
                }
            }
        }

        // The Swiss cross, 7 mm, in the middle: a black square with a white cross on a white border.
        var centre = new XPoint(left + (QrSize / 2), top + (QrSize / 2));
        Square(graphics, XBrushes.White, centre, 7.6 * Mm, 7.6 * Mm);
        Square(graphics, XBrushes.Black, centre, 7 * Mm, 7 * Mm);
        Square(graphics, XBrushes.White, centre, 1.17 * Mm, 3.9 * Mm);
        Square(graphics, XBrushes.White, centre, 3.9 * Mm, 1.17 * Mm);
    }

    private static void Square(XGraphics graphics, XBrush brush, XPoint centre, double width, double height) =>
        graphics.DrawRectangle(brush, centre.X - (width / 2), centre.Y - (height / 2), width, height);

    private static double Section(XGraphics graphics, Func<double, bool, XFont> font, double x, double y, string heading, string[] lines, double headingSize, double size)
    {
        graphics.DrawString(heading, font(headingSize, true), XBrushes.Black, new XPoint(x, y + headingSize));
        y += headingSize + 2;
        var regular = font(size, false);
        foreach (var line in lines)
        {
            graphics.DrawString(line, regular, XBrushes.Black, new XPoint(x, y + size));
            y += size + 1.5;
        }

        return y + (size * 0.9);
    }

    private static void Amounts(XGraphics graphics, Func<double, bool, XFont> font, double x, double y, Words texts, string currency, string amount, double headingSize, double size)
    {
        graphics.DrawString(texts.Currency, font(headingSize, true), XBrushes.Black, new XPoint(x, y + headingSize));
        graphics.DrawString(texts.Amount, font(headingSize, true), XBrushes.Black, new XPoint(x + (15 * Mm), y + headingSize));
        graphics.DrawString(currency, font(size, false), XBrushes.Black, new XPoint(x, y + headingSize + 3 + size));
        graphics.DrawString(amount, font(size, false), XBrushes.Black, new XPoint(x + (15 * Mm), y + headingSize + 3 + size));
    }

    /// <summary>An IBAN in groups of four, as the guidelines print it (the grouping of the creditor reference).</summary>
    private static string Iban(string iban) => Payments.CreditorReference.Display(Compact(iban));

    private static string Compact(string iban) => new([.. iban.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);

    /// <summary>
    /// The text in the Latin character set the QR-bill accepts: typographic quotes and dashes become their plain forms,
    /// and a character it has no room for becomes a space, rather than the invoice failing to print.
    /// </summary>
    private static string Latin(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            plain.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' => '\'',
                '\u201C' or '\u201D' or '\u00AB' or '\u00BB' => '"',
                '\u2013' or '\u2014' or '\u2212' => '-',
                _ when c < 0x20 => ' ',
                _ when c <= 0x17F => c,
                _ => ' ',
            });
        }

        return plain.ToString().Trim();
    }

    private sealed record Words(string Receipt, string PaymentPart, string PayableTo, string Reference, string AdditionalInformation, string PayableBy, string Currency, string Amount, string AcceptancePoint, string Separate, string Invoice, string DueOn)
    {
        private static readonly Words French = new("Récépissé", "Section paiement", "Compte / Payable à", "Référence", "Informations supplémentaires", "Payable par", "Monnaie", "Montant", "Point de dépôt", "A détacher avant le versement", "Facture", "échéance");
        private static readonly Words English = new("Receipt", "Payment part", "Account / Payable to", "Reference", "Additional information", "Payable by", "Currency", "Amount", "Acceptance point", "Separate before paying in", "Invoice", "due");

        public static Words In(string language) => language == "en" ? English : French;
    }
}
