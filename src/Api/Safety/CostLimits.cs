using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Store.Api.Viewer;

namespace Store.Api.Safety;

/// <summary>
/// Depth and cost limits for every request, and the caller's per-minute budget. The cost of each request, and what
/// is left, go back in extensions.cost and as RateLimit-* headers.
/// </summary>
public static class CostLimits
{
    public const string BudgetSpent = "COST_BUDGET_EXCEEDED";

    /// <summary>The key under which the user context carries the request's <see cref="CostReport"/>.</summary>
    public const string ReportKey = "store:cost";

    public static IGraphQLBuilder AddCostLimits(this IGraphQLBuilder graphql, IServiceCollection services)
    {
        services.AddOptions<CostOptions>().BindConfiguration("Store:Api:Cost");
        services.AddSingleton<CostBudget>();
        return graphql.AddComplexityAnalyzer((o, provider) =>
        {
            var limits = provider.GetRequiredService<IOptions<CostOptions>>().Value;
            o.MaxDepth = limits.MaxDepth;
            o.MaxComplexity = limits.MaxCost;

            // A list without first / last (a customer's subscriptions, a subscription's options) is short: count it as 3.
            o.DefaultListImpactMultiplier = limits.UnboundedListSize;
            o.ValidateComplexityDelegate = context =>
            {
                var userContext = context.ValidationContext.UserContext;
                var caller = (userContext as CallerContext)?.Caller ?? Caller.Anonymous;
                var key = caller.ClientId ?? caller.UserId ?? "anonymous:" + (userContext.TryGetValue(AddressKey, out var a) ? a : "?");
                var report = provider.GetRequiredService<CostBudget>().Spend(key, caller.Kind == CallerKind.Anonymous, context.TotalImpact);
                userContext[ReportKey] = report;
                if (report.Refused)
                {
                    context.Error = new ValidationError($"This request costs {report.Cost:0} points and {Math.Max(0, report.Remaining):0} of your {report.Limit:0} points a minute are left; try again in {Math.Ceiling(report.ResetsIn.TotalSeconds):0} s.")
                    {
                        Code = BudgetSpent,
                    };
                }

                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The key under which the transport puts the client's address, the budget of anonymous callers.</summary>
    public const string AddressKey = "store:address";

    /// <summary>Adds extensions.cost to a result from the report the analyzer left in the user context.</summary>
    public static CostReport? Report(IDictionary<string, object?> userContext, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(userContext);
        ArgumentNullException.ThrowIfNull(result);
        if (!userContext.TryGetValue(ReportKey, out var value) || value is not CostReport report)
        {
            return null;
        }

        result.Extensions ??= [];
        result.Extensions["cost"] = new Dictionary<string, object?>
        {
            ["requested"] = Math.Ceiling(report.Cost),
            ["limit"] = report.Limit,
            ["remaining"] = Math.Max(0, Math.Floor(report.Remaining)),
            ["resetInSeconds"] = (int)Math.Ceiling(report.ResetsIn.TotalSeconds),
        };
        return report;
    }
}
