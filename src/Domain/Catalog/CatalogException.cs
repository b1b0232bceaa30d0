namespace Store.Domain.Catalog;

/// <summary>A catalog file that cannot be published: names the file, the entry and what is wrong with it.</summary>
public sealed class CatalogException : Exception
{
    public CatalogException(string file, IReadOnlyList<CatalogProblem> problems)
        : base(Describe(file, problems))
    {
        File = file;
        Problems = problems;
    }

    public CatalogException()
    {
        File = string.Empty;
        Problems = [];
    }

    public CatalogException(string message)
        : base(message)
    {
        File = string.Empty;
        Problems = [];
    }

    public CatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Problems = [];
    }

    public string File { get; }

    public IReadOnlyList<CatalogProblem> Problems { get; }

    private static string Describe(string file, IReadOnlyList<CatalogProblem> problems) =>
        $"Catalog file '{file}' is not valid:" + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}"));
}

/// <summary>What is wrong with one entry of a catalog file. <see cref="Entry"/> reads like "plans[1] (forfait-pro).prices[0].amount".</summary>
public sealed record CatalogProblem(string Entry, string Message)
{
    public override string ToString() => $"entry '{Entry}': {Message}";
}
