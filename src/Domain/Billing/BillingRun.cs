namespace Store.Domain.Billing;

public enum BillingRunStatus
{
    Running,
    Completed,
    Failed,
}

/// <summary>
/// The billing of one month for every customer, with its progress. A run that stopped half way is run again
/// under the same record: customers already invoiced are skipped, so each gets exactly one invoice.
/// </summary>
public sealed class BillingRun
{
    private BillingRun()
    {
    }

    public BillingRun(BillingPeriod period, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Period = period.ToString();
        StartedAt = now;
        Status = BillingRunStatus.Running;
    }

    public Guid Id { get; private set; }

    public string Period { get; private set; } = string.Empty;

    public BillingRunStatus Status { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>How many times the run was started (1, or more after an interruption).</summary>
    public int Attempts { get; private set; }

    public int CustomersTotal { get; private set; }

    public int InvoicesIssued { get; private set; }

    /// <summary>Customers with nothing to bill this month.</summary>
    public int CustomersWithNothingToBill { get; private set; }

    public int CustomersFailed { get; private set; }

    public string? LastError { get; private set; }

    public void Start(int customers, DateTimeOffset now)
    {
        Attempts++;
        Status = BillingRunStatus.Running;
        CustomersTotal = customers;
        CustomersFailed = 0;
        LastError = null;
        StartedAt = Attempts == 1 ? StartedAt : now;
    }

    /// <summary>Counts the invoices already issued for the period: what an interrupted attempt had done.</summary>
    public void Resume(int invoicesAlreadyIssued, int nothingToBill)
    {
        InvoicesIssued = invoicesAlreadyIssued;
        CustomersWithNothingToBill = nothingToBill;
    }

    public void Invoiced() => InvoicesIssued++;

    public void NothingToBill() => CustomersWithNothingToBill++;

    public void Failed(Guid customerId, string error)
    {
        CustomersFailed++;
        LastError = $"{customerId}: {(error.Length > 900 ? error[..900] : error)}";
    }

    public void Complete(DateTimeOffset now)
    {
        Status = CustomersFailed == 0 ? BillingRunStatus.Completed : BillingRunStatus.Failed;
        CompletedAt = now;
    }

    public int Done => InvoicesIssued + CustomersWithNothingToBill + CustomersFailed;
}
