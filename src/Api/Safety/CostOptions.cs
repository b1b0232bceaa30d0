namespace Store.Api.Safety;

/// <summary>How deep and how costly one request may be, and how many points a caller may spend a minute.</summary>
public sealed class CostOptions
{
    /// <summary>Deep enough for the standard introspection query of GraphiQL and code generators (15 levels).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>The most one request may cost; a list counts its requested size (first / last) times its items.</summary>
    public int MaxCost { get; set; } = 20_000;

    /// <summary>The size assumed for a list field that takes no first / last argument.</summary>
    public int UnboundedListSize { get; set; } = 3;

    /// <summary>Points an API client or a person may spend a minute.</summary>
    public double PointsPerMinute { get; set; } = 200_000;

    /// <summary>Points an anonymous caller (by address) may spend a minute: the public catalog.</summary>
    public double AnonymousPointsPerMinute { get; set; } = 10_000;
}
