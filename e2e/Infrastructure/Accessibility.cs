using System.Text.Json;
using Microsoft.Playwright;

namespace Store.E2E.Infrastructure;

/// <summary>
/// Runs axe-core (npm, tools/axe) in a page and fails on any serious or critical violation, naming the rule and
/// the elements. The script is evaluated through the DevTools protocol, so the site's CSP stays as strict as it is.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Store.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("Store.sln not found"), "tools", "axe", "node_modules", "axe-core", "axe.min.js");
        return File.ReadAllText(path);
    });

    public static async Task CheckAsync(IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"Accessibility of {where} ({page.Url}):\n" + string.Join('\n', found));
    }
}
