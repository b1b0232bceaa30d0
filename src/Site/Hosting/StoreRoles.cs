namespace Store.Site.Hosting;

/// <summary>
/// What this process runs, from Store:Roles ("site,api,jobs" by default): the same build serves the web site,
/// the API and the background jobs together, or any of them alone behind a load balancer.
/// </summary>
public sealed record StoreRoles(bool Site, bool Api, bool Jobs)
{
    public static readonly string[] Known = ["site", "api", "jobs"];

    public static StoreRoles From(IConfiguration configuration)
    {
        var text = configuration["Store:Roles"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new StoreRoles(true, true, true);
        }

        var roles = text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant())
            .ToHashSet();
        var unknown = roles.Except(Known).ToList();
        if (unknown.Count > 0 || roles.Count == 0)
        {
            throw new InvalidOperationException($"Store:Roles '{text}' names unknown roles ({string.Join(", ", unknown)}); use any of {string.Join(", ", Known)}.");
        }

        return new StoreRoles(roles.Contains("site"), roles.Contains("api"), roles.Contains("jobs"));
    }

    public override string ToString() =>
        string.Join(',', Known.Where(r => r switch { "site" => Site, "api" => Api, _ => Jobs }));
}
