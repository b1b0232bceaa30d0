using Store.Domain.Catalog;

namespace Store.Domain.Billing.Statements;

/// <summary>
/// A holder's Smart Number monthly statement, numbered in its own series ("DC-2026-000001"), one per holder and
/// month, and never changed after issue.
/// </summary>
public sealed class Statement : IIssuedDocument
{
    public const string Series = "DC";

    private readonly List<StatementLine> _lines = [];

    private Statement()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid CustomerId { get; private set; }

    /// <summary>The month, "2026-03".</summary>
    public string Period { get; private set; } = string.Empty;

    public DateTimeOffset IssuedAt { get; private set; }

    public Currency Currency { get; private set; }

    public int Calls { get; private set; }

    public int Seconds { get; private set; }

    /// <summary>What callers paid, excluding VAT.</summary>
    public decimal CallerRevenue { get; private set; }

    /// <summary>The holder's share, paid out.</summary>
    public decimal HolderShare { get; private set; }

    /// <summary>The latest payout date of the statement's lines.</summary>
    public DateOnly PayoutOn { get; private set; }

    /// <summary>The holder's legal details as they were (JSON).</summary>
    public string HolderSnapshot { get; private set; } = string.Empty;

    public string SellerSnapshot { get; private set; } = string.Empty;

    public IReadOnlyList<StatementLine> Lines => _lines;

    public LegalDetails Holder => PartySnapshot.Read<LegalDetails>(HolderSnapshot);

    public Seller Seller => PartySnapshot.Read<Seller>(SellerSnapshot);

    public static Statement Issue(StatementDraft draft, string number, LegalDetails holder, Seller seller, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var statement = new Statement
        {
            Id = Guid.CreateVersion7(issuedAt),
            Number = number,
            CustomerId = draft.CustomerId,
            Period = draft.Period.ToString(),
            IssuedAt = issuedAt,
            Currency = draft.Currency,
            Calls = draft.Calls,
            Seconds = draft.Seconds,
            CallerRevenue = draft.CallerRevenue,
            HolderShare = draft.HolderShare,
            PayoutOn = draft.Lines.Max(l => l.PayoutOn),
            HolderSnapshot = PartySnapshot.Write(holder),
            SellerSnapshot = PartySnapshot.Write(seller),
        };
        var position = 1;
        foreach (var line in draft.Lines)
        {
            statement._lines.Add(new StatementLine(statement.Id, position++, line));
        }

        return statement;
    }
}

/// <summary>One number and tariff of a statement.</summary>
public sealed class StatementLine : IIssuedDocument
{
    private StatementLine()
    {
    }

    internal StatementLine(Guid statementId, int position, StatementFigures figures)
    {
        Id = Guid.NewGuid();
        StatementId = statementId;
        Position = position;
        Number = figures.Number;
        Tariff = figures.Tariff;
        Payout = figures.Payout;
        Calls = figures.Calls;
        Seconds = figures.Seconds;
        CallerRevenue = figures.CallerRevenue;
        HolderShare = figures.HolderShare;
        PayoutOn = figures.PayoutOn;
    }

    public Guid Id { get; private set; }

    public Guid StatementId { get; private set; }

    public int Position { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public int Tariff { get; private set; }

    public PayoutKind Payout { get; private set; }

    public int Calls { get; private set; }

    public int Seconds { get; private set; }

    public decimal CallerRevenue { get; private set; }

    public decimal HolderShare { get; private set; }

    public DateOnly PayoutOn { get; private set; }
}
