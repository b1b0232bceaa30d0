using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Store.Domain.Billing.Statements;

/// <summary>The PDF of an issued Smart Number statement, in the holder's language: made from the statement alone.</summary>
public static class StatementPdf
{
    private const double Margin = 40;
    private const double PageWidth = 595;
    private const double PageHeight = 842;
    private static readonly double[] Columns = [Margin, 170, 235, 300, 390, 470];

    public static byte[] Render(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        InvoiceFonts.Install();
        var holder = statement.Holder;
        var seller = statement.Seller;
        var texts = StatementTexts.In(holder.Language);
        var culture = CultureInfo.GetCultureInfo(holder.Language == "en" ? "en-GB" : "fr-FR");
        string Money(decimal amount) => new Money(amount, statement.Currency).Format(culture);
        string Duration(int seconds) => $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}";

        using var document = new PdfDocument();
        document.Info.Title = $"{texts.Title} {statement.Number}";
        document.Info.Author = seller.LegalName;
        document.Info.CreationDate = statement.IssuedAt.UtcDateTime;
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

        void Line(string text, double size = 9, bool bold = false, double x = Margin)
        {
            if (y + size + 4 > PageHeight - 50)
            {
                NewPage();
            }

            graphics.DrawString(text, Font(size, bold), XBrushes.Black, new XPoint(x, y + size));
            y += size + 4;
        }

        void Row(bool bold, params string[] cells)
        {
            if (y + 13 > PageHeight - 50)
            {
                NewPage();
            }

            var font = Font(8.5, bold);
            for (var i = 0; i < cells.Length; i++)
            {
                graphics.DrawString(cells[i], font, XBrushes.Black, new XPoint(Columns[i], y + 9));
            }

            y += 13;
        }

        NewPage();
        Line(seller.LegalName, 12, bold: true);
        Line(seller.Address.Line1);
        Line($"{seller.Address.PostalCode} {seller.Address.City} ({seller.Address.Country})");
        y += 10;
        Line($"{texts.Title} {statement.Number}", 14, bold: true);
        Line($"{texts.Period} : {BillingPeriod.Parse(statement.Period).First.ToString("MMMM yyyy", culture)}");
        Line($"{texts.IssuedOn} : {LocalTime.In(statement.IssuedAt, holder.TimeZone).ToString("d", culture)}");
        y += 8;
        Line(texts.Holder, 10, bold: true);
        Line(holder.LegalName);
        Line(holder.Address.Line1);
        Line($"{holder.Address.PostalCode} {holder.Address.City} ({holder.Address.Country})");
        y += 12;
        Row(true, texts.Number, texts.Tariff, texts.Calls, texts.Duration, texts.CallerRevenue, texts.HolderShare);
        foreach (var line in statement.Lines.OrderBy(l => l.Position))
        {
            Row(false, line.Number, line.Tariff.ToString(culture), line.Calls.ToString(culture), Duration(line.Seconds), Money(line.CallerRevenue), Money(line.HolderShare));
        }

        Row(true, texts.Total, string.Empty, statement.Calls.ToString(culture), Duration(statement.Seconds), Money(statement.CallerRevenue), Money(statement.HolderShare));
        y += 12;
        Line(texts.Payouts, 10, bold: true);
        foreach (var payout in statement.Lines.GroupBy(l => (l.PayoutOn, l.Payout)).OrderBy(g => g.Key.PayoutOn))
        {
            Line(string.Format(culture, texts.PayoutLine, Money(payout.Sum(l => l.HolderShare)), payout.Key.PayoutOn.ToString("d", culture), payout.Key.Payout));
        }

        y += 8;
        Line(texts.Note, 8);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].DrawString($"{statement.Number} — {i + 1}/{pages.Count}", Font(7, false), XBrushes.Gray, new XPoint(PageWidth - Margin - 80, PageHeight - 20));
            pages[i].Dispose();
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static XFont Font(double size, bool bold) =>
        new(InvoiceFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
}

/// <summary>The words of the statement PDF and mail, in French and English.</summary>
public sealed record StatementTexts(
    string Title,
    string Period,
    string IssuedOn,
    string Holder,
    string Number,
    string Tariff,
    string Calls,
    string Duration,
    string CallerRevenue,
    string HolderShare,
    string Total,
    string Payouts,
    string PayoutLine,
    string Note,
    string MailSubject,
    string MailBody)
{
    public static readonly StatementTexts French = new(
        "DÉCOMPTE SMART NUMBER N°",
        "Période",
        "Émis le",
        "Titulaire",
        "Numéro",
        "Tarif",
        "Appels",
        "Durée",
        "Recettes appelants HT",
        "Part reversée",
        "Total",
        "Reversements",
        "{0} versés au plus tard le {1} ({2})",
        "Recettes hors TVA. Les montants sont arrondis au centime par numéro et par tarif.",
        "Votre décompte Smart Number {0}",
        "Bonjour,\n\nVotre décompte Smart Number {0} de {1} est joint à ce message : {2} appels, {3} de recettes, {4} reversés au plus tard le {5}.\n\n{6}");

    public static readonly StatementTexts English = new(
        "SMART NUMBER STATEMENT NO.",
        "Period",
        "Issued on",
        "Holder",
        "Number",
        "Tariff",
        "Calls",
        "Duration",
        "Caller revenue excl. VAT",
        "Your share",
        "Total",
        "Payouts",
        "{0} paid by {1} ({2})",
        "Revenue excluding VAT. Amounts are rounded to the cent per number and tariff.",
        "Your Smart Number statement {0}",
        "Hello,\n\nYour Smart Number statement {0} for {1} is attached: {2} calls, {3} of revenue, {4} paid out by {5}.\n\n{6}");

    public static StatementTexts In(string language) => language == "en" ? English : French;
}
