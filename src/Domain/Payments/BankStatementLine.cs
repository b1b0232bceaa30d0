using System.Security.Cryptography;
using System.Text;

namespace Store.Domain.Payments;

/// <summary>
/// A credit read from a bank statement file. Kept once, by <see cref="Key"/>, whatever how many times the file is
/// imported; matched to an invoice by its reference (then a <see cref="Payment"/> records it), or left for someone
/// to match by hand.
/// </summary>
public sealed class BankStatementLine
{
    private BankStatementLine()
    {
    }

    public BankStatementLine(StatementEntry entry, string fileName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Id = Guid.CreateVersion7(now);
        Key = entry.Key;
        BookedOn = entry.BookedOn;
        Amount = entry.Amount;
        Currency = entry.Currency;
        Reference = entry.Reference;
        Label = entry.Label.Length > 500 ? entry.Label[..500] : entry.Label;
        FileName = fileName.Length > 200 ? fileName[..200] : fileName;
        ImportedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The bank's own reference of the entry when the file gives one, else a digest of the line: unique.</summary>
    public string Key { get; private set; } = string.Empty;

    public DateOnly BookedOn { get; private set; }

    public decimal Amount { get; private set; }

    public Currency? Currency { get; private set; }

    public string? Reference { get; private set; }

    public string Label { get; private set; } = string.Empty;

    public string FileName { get; private set; } = string.Empty;

    public DateTimeOffset ImportedAt { get; private set; }

    public Guid? PaymentId { get; private set; }

    public Guid? InvoiceId { get; private set; }

    public bool Matched => PaymentId is not null;

    public void MatchedTo(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (PaymentId is not null)
        {
            throw new InvalidOperationException("This statement line is already matched.");
        }

        PaymentId = payment.Id;
        InvoiceId = payment.InvoiceId;
    }
}

/// <summary>A credit as a statement file gives it, before it is stored.</summary>
public sealed record StatementEntry(int LineNumber, DateOnly BookedOn, decimal Amount, Currency? Currency, string? Reference, string Label, string Key)
{
    /// <summary>
    /// A key for a line without the bank's own reference: its content, and its rank among identical lines of the
    /// same file (two equal transfers on the same day are two payments; the same file read twice is not).
    /// </summary>
    public static string DigestKey(DateOnly bookedOn, decimal amount, string? reference, string label, int occurrence)
    {
        var text = FormattableString.Invariant($"{bookedOn:yyyy-MM-dd}|{amount:0.00}|{reference}|{label.Trim()}|{occurrence}");
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>A line of a statement file that could not be read, with the reason; shown to whoever imports it.</summary>
public sealed record RejectedStatementLine(int LineNumber, string Content, string Reason);
