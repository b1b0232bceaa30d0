using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Store.Domain.Payments;

/// <summary>
/// Reads the credits of a bank statement: a CSV file (date, amount, reference, label, and an optional currency;
/// ";" or "," separated, with or without a header line, French or international numbers and dates) or an ISO 20022
/// camt.053 XML statement. Debits are left out; unreadable lines are returned with the reason.
/// </summary>
public static partial class BankStatementFile
{
    public sealed record Contents(IReadOnlyList<StatementEntry> Credits, IReadOnlyList<RejectedStatementLine> Rejected, int Debits);

    public static Contents Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return trimmed.StartsWith('<') ? ReadCamt053(trimmed) : ReadCsv(text);
    }

    private static Contents ReadCsv(string text)
    {
        var credits = new List<StatementEntry>();
        var rejected = new List<RejectedStatementLine>();
        var debits = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var separator = lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } first && first.Count(c => c == ';') >= first.Count(c => c == ',') ? ';' : ',';
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = Split(line, separator);
            if (fields.Count < 4)
            {
                rejected.Add(new(i + 1, line, "expected date, amount, reference, label"));
                continue;
            }

            if (!TryDate(fields[0], out var date))
            {
                if (i == 0 || credits.Count + rejected.Count + debits == 0 && !char.IsAsciiDigit(fields[0].FirstOrDefault()))
                {
                    continue; // the header line
                }

                rejected.Add(new(i + 1, line, $"unreadable date '{fields[0]}'"));
                continue;
            }

            if (!TryAmount(fields[1], out var amount))
            {
                rejected.Add(new(i + 1, line, $"unreadable amount '{fields[1]}'"));
                continue;
            }

            Currency? currency = null;
            if (fields.Count > 4 && !string.IsNullOrWhiteSpace(fields[4]))
            {
                if (!Enum.TryParse<Currency>(fields[4].Trim(), ignoreCase: true, out var parsed))
                {
                    rejected.Add(new(i + 1, line, $"unknown currency '{fields[4]}'"));
                    continue;
                }

                currency = parsed;
            }

            if (amount <= 0m)
            {
                debits++;
                continue;
            }

            var reference = string.IsNullOrWhiteSpace(fields[2]) ? null : fields[2].Trim();
            var label = fields[3].Trim();
            var content = FormattableString.Invariant($"{date:yyyy-MM-dd}|{amount:0.00}|{reference}|{label}");
            var occurrence = seen[content] = seen.GetValueOrDefault(content) + 1;
            credits.Add(new(i + 1, date, amount, currency, reference, label, StatementEntry.DigestKey(date, amount, reference, label, occurrence)));
        }

        return new(credits, rejected, debits);
    }

    /// <summary>camt.053: each credit entry (Ntry with CdtDbtInd CRDT) and its structured or unstructured remittance information.</summary>
    private static Contents ReadCamt053(string text)
    {
        var credits = new List<StatementEntry>();
        var rejected = new List<RejectedStatementLine>();
        var debits = 0;
        XDocument document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (System.Xml.XmlException e)
        {
            return new([], [new(e.LineNumber, string.Empty, "not a readable XML file: " + e.Message)], 0);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in document.Descendants().Where(e => e.Name.LocalName == "Ntry"))
        {
            var lineNumber = ((System.Xml.IXmlLineInfo)entry).LineNumber;
            string? Child(params string[] path)
            {
                IEnumerable<XElement> current = [entry];
                foreach (var name in path)
                {
                    current = current.SelectMany(c => c.Elements().Where(e => e.Name.LocalName == name));
                }

                return current.FirstOrDefault()?.Value;
            }

            if (Child("CdtDbtInd") != "CRDT")
            {
                debits++;
                continue;
            }

            var amountElement = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "Amt");
            var dateText = Child("BookgDt", "Dt") ?? Child("ValDt", "Dt") ?? Child("BookgDt", "DtTm")?[..10];
            if (amountElement is null || !decimal.TryParse(amountElement.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                rejected.Add(new(lineNumber, entry.ToString(SaveOptions.DisableFormatting)[..Math.Min(200, entry.ToString().Length)], "entry without an amount or a booking date"));
                continue;
            }

            Currency? currency = Enum.TryParse<Currency>(amountElement.Attribute("Ccy")?.Value, out var ccy) ? ccy : null;
            var structured = entry.Descendants().FirstOrDefault(e => e.Name.LocalName == "CdtrRefInf")?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Ref")?.Value;
            var label = string.Join(" ", entry.Descendants().Where(e => e.Name.LocalName is "Ustrd" or "AddtlNtryInf").Select(e => e.Value.Trim()));
            var bankReference = Child("AcctSvcrRef") ?? Child("NtryRef");
            string key;
            if (!string.IsNullOrWhiteSpace(bankReference))
            {
                key = "bank:" + bankReference.Trim();
            }
            else
            {
                var content = FormattableString.Invariant($"{date:yyyy-MM-dd}|{amount:0.00}|{structured}|{label}");
                key = StatementEntry.DigestKey(date, amount, structured, label, seen[content] = seen.GetValueOrDefault(content) + 1);
            }

            credits.Add(new(lineNumber, date, amount, currency, structured, label, key));
        }

        return new(credits, rejected, debits);
    }

    /// <summary>The creditor reference in a line: its reference field, else one written in its label; null when none is valid.</summary>
    public static string? FindReference(string? reference, string label)
    {
        if (CreditorReference.TryParse(reference, out var given))
        {
            return given;
        }

        foreach (Match match in ReferenceInText().Matches(label ?? string.Empty))
        {
            // The pattern may run into the next word: the longest prefix whose check digits hold is the reference.
            var compact = new string([.. match.Value.Where(c => !char.IsWhiteSpace(c))]);
            for (var length = compact.Length; length >= 5; length--)
            {
                if (CreditorReference.TryParse(compact[..length], out var found))
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>An invoice number written in the reference or the label ("F-2026-000042"), for payers who quote it instead.</summary>
    public static string? FindInvoiceNumber(string? reference, string label) =>
        InvoiceNumberInText().Match($"{reference} {label}") is { Success: true } m ? m.Value.ToUpperInvariant() : null;

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "dd.MM.yyyy", "d/M/yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool TryAmount(string text, out decimal amount)
    {
        var compact = new string([.. text.Trim().Where(c => !char.IsWhiteSpace(c) && c != '\'' && c != '\u00A0' && c != '\u202F')]);
        if (compact.Contains(',', StringComparison.Ordinal))
        {
            compact = compact.Contains('.', StringComparison.Ordinal) ? compact.Replace(",", string.Empty, StringComparison.Ordinal) : compact.Replace(',', '.');
            if (compact.LastIndexOf('.') < compact.Length - 3)
            {
                amount = 0;
                return false;
            }
        }

        return decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)
            && decimal.Round(amount, 2) == amount;
    }

    private static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == separator && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    [GeneratedRegex(@"RF\s?\d{2}(?:\s?[A-Z0-9]){1,21}", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceInText();

    [GeneratedRegex(@"\bF-\d{4}-\d{6}\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceNumberInText();
}
